// `npm run docs:elements`: the custom elements manifest of the plugin's Lit components (custom-elements.json).
export default {
  globs: ['src/components/**/*.ts'],
  outdir: '.',
  litelement: true,
  // Leave package.json alone: the manifest's place is stated in docs/README.md.
  packagejson: false,
};
