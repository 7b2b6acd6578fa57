// bottleneck/light.js is the build @octokit/plugin-throttling itself uses (no Redis clustering);
// its types are the package's main ones.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
