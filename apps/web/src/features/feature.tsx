import type { ReactNode } from 'react';
import type { Lang } from '../i18n';

/** One navigation entry of the staff or portal shell. */
export interface NavItem {
  readonly to: string;
  readonly label: string;
}

/**
 * A slice of the web app owned by one bounded context (intake, casework, signals…): its routes, its navigation
 * entries and its own dictionary. The shell asks each feature in turn; the first that knows a path renders it.
 */
export interface Feature {
  readonly id: string;
  /** The page for an authenticated path, or undefined when the path is not this feature's. */
  route(path: string, search: URLSearchParams): ReactNode | undefined;
  /** Navigation entries for a role (empty when the role has nothing here). */
  nav(lang: Lang, role: string): readonly NavItem[];
  /** Pages reachable without login (the public signal form), or undefined. */
  publicRoute?(path: string, search: URLSearchParams): ReactNode | undefined;
  /** A control in the shell's header for a logged-in user (the notification count), or undefined. */
  shellItem?(role: string): ReactNode | undefined;
}
