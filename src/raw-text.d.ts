// A file imported as its text (`import style from './style.css?raw'`): esbuild's build
// (build.mjs) and vitest both read it so.
declare module '*?raw' {
  const text: string;
  export default text;
}
