/** Stylesheets are imported for their side effect; webpack extracts them into the console's CSS file. */
declare module '*.css';
