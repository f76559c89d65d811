{
  description = "An input commented out after the last binding";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    # nur.url = "github:nix-community/NUR";
    # nur-mic92.url = "github:Mic92/nur-packages";
  };

  outputs = { self, nixpkgs, ... }: {
    formatter.x86_64-linux = nixpkgs.legacyPackages.x86_64-linux.nixpkgs-fmt;
  };
}
