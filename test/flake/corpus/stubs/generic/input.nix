# A stand-in for any flake input (nixpkgs, flake-utils, flake-parts, home-manager, nix-darwin, ...):
# just enough of each library for the corpus flakes' outputs to evaluate offline. Values that the
# tests never force (packages, modules) stay lazy and are allowed to be missing.
let
  systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
  genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
  eachSystem = systemList: f:
    builtins.foldl'
      (acc: system:
        let out = f system;
        in acc // builtins.mapAttrs (name: value: (acc.${name} or { }) // { ${system} = value; }) out)
      { }
      systemList;
  pkgsFor = system: import ./pkgs.nix { inherit system; };
  # What nixosSystem, homeManagerConfiguration and darwinSystem return here: which call made it and
  # how many modules it got, so tests can see a module was added to the right list.
  configuration = kind: args: {
    _stub = kind;
    moduleCount = builtins.length (args.modules or [ ]);
    modules = args.modules or [ ];
  };
  lib = {
    inherit genAttrs eachSystem;
    eachDefaultSystem = eachSystem systems;
    mkApp = { drv, ... }: { type = "app"; program = "${drv.name or "app"}"; };
    nixosSystem = configuration "nixosSystem";
    homeManagerConfiguration = configuration "homeManagerConfiguration";
    darwinSystem = configuration "darwinSystem";
    mkEnableOption = name: { _type = "option"; description = "Whether to enable ${name}."; };
    mkFlake = args: module:
      let
        m = if builtins.isFunction module
          then module { inherit lib; inherit (args) inputs; self = args.inputs.self or { }; withSystem = system: f: f { pkgs = pkgsFor system; }; config = { }; }
          else module;
        perSystem = system:
          if m ? perSystem
          then m.perSystem { inherit system lib; pkgs = pkgsFor system; config = { }; self' = { }; inputs' = { }; }
          else { };
      in
      eachSystem (m.systems or [ ]) perSystem // (m.flake or { });
    systems.flakeExposed = systems;
  };
in
{
  outPath = toString ./.;
  inherit lib;
  legacyPackages = genAttrs systems pkgsFor;
  packages = genAttrs systems pkgsFor;
  overlays.default = final: prev: { };
  nixosModules = { };
  darwinModules = { };
  homeManagerModules = { };
  hmModules = { };
  mkLib = pkgs: { buildPackage = args: { name = "crate"; }; };
}
