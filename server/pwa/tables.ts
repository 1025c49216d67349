/** The service worker's rows in the shop's store (migration 0006): the kill switch. */
export interface SwTables {
  sw_switch: {
    /** Always `kill`: one row, so every server and the CLI agree on one value. */
    id: string;
    /** 1 while the kill switch is on. */
    killed: number;
    updated_at: number;
  };
}
