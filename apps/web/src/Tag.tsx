import type { ReactNode } from 'react';
import { Tag as AntTag } from 'antd';

/** Text, background, border: antd's palettes with the text darkened to reach WCAG AA contrast (4.5:1). */
const TONES: Record<string, [string, string, string]> = {
  default: ['#262626', '#fafafa', '#d9d9d9'],
  blue: ['#003eb3', '#e6f4ff', '#91caff'],
  processing: ['#003eb3', '#e6f4ff', '#91caff'],
  green: ['#135200', '#f6ffed', '#b7eb8f'],
  orange: ['#873800', '#fff7e6', '#ffd591'],
  red: ['#820014', '#fff1f0', '#ffa39e'],
  gold: ['#613400', '#fffbe6', '#ffe58f'],
  cyan: ['#00474f', '#e6fffb', '#87e8de'],
};

export function Tag({ color = 'default', children }: { color?: string; children: ReactNode }) {
  const [text, background, border] = TONES[color] ?? TONES.default;
  return <AntTag style={{ color: text, background, borderColor: border }}>{children}</AntTag>;
}
