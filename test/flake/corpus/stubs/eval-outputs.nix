# Calls a corpus flake's outputs function the way Nix's flake machinery does (every declared input
# plus self, nothing more) with stand-in inputs, and reports what the manifest claims about it.
{ file }:
let
  flake = import file;
  genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
  inputNames = builtins.attrNames (flake.inputs or { });
  stubFor = name:
    if name == "systems" then { outPath = toString ./systems; }
    else import ./generic/input.nix;
  inputs = genAttrs inputNames stubFor // { inherit self; };
  outputs = flake.outputs inputs;
  self = outputs // { outPath = toString ./generic; inherit inputs; };
  hostsOf = attr: kind:
    let configurations = outputs.${attr} or { };
    in builtins.filter (name: (configurations.${name}._stub or null) == kind) (builtins.attrNames configurations);
in
{
  inputs = inputNames;
  nonFlakeInputs = builtins.filter (name: (flake.inputs.${name}.flake or true) == false) inputNames;
  formals = builtins.attrNames (builtins.functionArgs flake.outputs);
  outputNames = builtins.attrNames outputs;
  nixosHosts = hostsOf "nixosConfigurations" "nixosSystem";
  homeManagerHosts = hostsOf "homeConfigurations" "homeManagerConfiguration";
  darwinHosts = hostsOf "darwinConfigurations" "darwinSystem";
}
