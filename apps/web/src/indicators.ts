import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Indicator } from './types';

const NONE: Indicator[] = [];

/** The national indicator catalogue (GET /indicators), cached for an hour; an empty list until it has loaded. */
export function useIndicators(): Indicator[] {
  const { data } = useQuery({
    queryKey: ['indicators'],
    staleTime: 3600_000,
    queryFn: () => api<Indicator[]>('/indicators'),
  });
  return data ?? NONE;
}
