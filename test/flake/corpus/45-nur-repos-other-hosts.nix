{
  description = "NUR repos from GitLab, sourcehut and a plain git server";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    nur-rycee = {
      url = "gitlab:rycee/nur-expressions";
      flake = false;
    };
    nur-aasg.url = "sourcehut:~aasg/nixexprs";
    nur-aasg.inputs.nixpkgs.follows = "nixpkgs";
    nur-immae = {
      url = "git+https://git.immae.eu/perso/Immae/Config/Nix/NUR.git";
      flake = false;
    };
  };

  outputs = { self, nixpkgs, nur-rycee, nur-aasg, nur-immae, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      rycee = import nur-rycee { inherit pkgs; };
    in
    {
      packages.x86_64-linux.firefox-addons = rycee.firefox-addons;
    };
}
