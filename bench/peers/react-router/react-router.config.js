/** Server rendering on every request, as the framework's default. */
export default { ssr: true };
