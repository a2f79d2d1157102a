import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, hasStoredSession, login as apiLogin, logout as apiLogout, onSessionEnded, renew } from './api';

export interface Me {
  userId: string;
  unitId: string;
  roles: Array<'drafter' | 'approver' | 'reviewer' | 'admin'>;
  unitName: string;
  unitCode: string;
}

interface AuthState {
  me: Me | null;
  /** true while the stored session is being restored after a reload. */
  restoring: boolean;
  /** Why the user is on the sign-in page again (expired session). */
  endedReason: 'expired' | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

async function loadMe(): Promise<Me> {
  const me = await api<Omit<Me, 'unitName' | 'unitCode'>>('/auth/me');
  const unit = await api<{ name: string; code: string }>(`/units/${me.unitId}`);
  return { ...me, unitName: unit.name, unitCode: unit.code };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [restoring, setRestoring] = useState(hasStoredSession());
  const [endedReason, setEndedReason] = useState<'expired' | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!hasStoredSession()) return;
    renew()
      .then(async (ok) => (ok ? setMe(await loadMe()) : setEndedReason('expired')))
      .catch(() => undefined)
      .finally(() => setRestoring(false));
  }, []);

  useEffect(
    () =>
      onSessionEnded((reason) => {
        setMe(null);
        queryClient.clear();
        setEndedReason(reason === 'expired' ? 'expired' : null);
      }),
    [queryClient],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    await apiLogin(email, password);
    setEndedReason(null);
    setMe(await loadMe());
  }, []);
  const signOut = useCallback(() => apiLogout(), []);

  const value = useMemo(
    () => ({ me, restoring, endedReason, signIn, signOut }),
    [me, restoring, endedReason, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export const isApprover = (me: Me | null) => !!me?.roles.includes('approver');
export const isDrafter = (me: Me | null) => !!me?.roles.includes('drafter');
export const isReviewer = (me: Me | null) => !!me?.roles.some((r) => r === 'reviewer' || r === 'admin');
export const isAdmin = (me: Me | null) => !!me?.roles.includes('admin');
