{
  description = "Packages built from non-flake sources";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.zsh-syntax-highlighting = {
    url = "github:zsh-users/zsh-syntax-highlighting";
    flake = false;
  };
  inputs.wallpapers = { url = "git+https://git.example.org/alice/wallpapers?ref=main"; flake = false; };
  inputs.nixpkgs-release = {
    type = "github";
    owner = "NixOS";
    repo = "nixpkgs";
    ref = "nixos-24.05";
  };

  outputs = { self, nixpkgs, zsh-syntax-highlighting, wallpapers, nixpkgs-release }: {
    packages.x86_64-linux.zsh-plugins = nixpkgs.legacyPackages.x86_64-linux.hello;
    lib.pluginSource = "${zsh-syntax-highlighting}/zsh-syntax-highlighting.zsh";
  };
}
