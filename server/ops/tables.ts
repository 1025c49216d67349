/** The ops console's rows in the shop's store (migration 0005). */
export interface OpsTables {
  dashboards: {
    id: string;
    name: string;
    /** The dashboard's widgets and settings as JSON text, checked by `dashboardSchema` on the way in. */
    config: string;
    created_at: number;
    updated_at: number;
  };
}
