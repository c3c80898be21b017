/**
 * What an open-alerts board or digest shows (open-alerts-board, open-alerts-digest): built from the
 * snapshot by board/open-set.ts, drawn by delivery/cards/board-card.ts. Plain data.
 */
export interface BoardRow {
  title: string;
  severity: string;
  serviceSource: string;
  status: string;
  /** Empty when Graph names nobody. */
  assignedTo: string;
  /** ms since the epoch; NaN when unknown. */
  createdAt: number;
  alertWebUrl: string;
}

export interface BoardContent {
  /** The channel (route name, or `default`). */
  channel: string;
  /** Open alerts by severity (lower-case severity → count). */
  bySeverity: Record<string, number>;
  /** Open incidents by severity (group-by: incident). */
  incidentsBySeverity: Record<string, number>;
  /** The oldest open alerts first, at most BOARD_ROWS. */
  rows: BoardRow[];
  /** Open alerts in all (rows beyond BOARD_ROWS are "and N more"). */
  total: number;
  /** Rule notices of the last 24 h, by rule. */
  rules: Record<string, number>;
  /** How far back the open set looks (the snapshot's retention), ms. */
  lookbackMs: number;
  /** When it was built (ms); not part of what counts as a change. */
  refreshedAt: number;
}

/** Rows a board or digest lists before "and N more". */
export const BOARD_ROWS = 15;
