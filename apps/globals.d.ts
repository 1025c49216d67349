/** Build-time constants the client builds define. */
declare const process: { env: { RELEASE_LABEL?: string } };
