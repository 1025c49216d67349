/** The data path of one of this app's route types, filled from the route table (`RouteDef.data`). */
import { dataPath, type RouteDef } from '@storefront/kit';
import { routeTable } from './routes';

type Shell = (typeof routeTable.routes)[number]['shell'];

export function routeDataPath(shell: Shell, params: Readonly<Record<string, string | undefined>>): string | null {
  const route: RouteDef | undefined = routeTable.routes.find((r) => r.shell === shell);
  return dataPath(route?.data, params);
}
