# Flake für mein Heimnetz — ☕ gepflegt von Zoë
{
  description = "Hôtes NixOS 🏠 — 家のサーバー";

  inputs = {
    # Paketquelle: instabil, aber aktuell ✔
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    /* 备注：下面这个输入用于 Home Manager */
    home-manager = {
      url = "github:nix-community/home-manager";
      inputs.nixpkgs.follows = "nixpkgs"; # « suit nixpkgs »
    };
  };

  outputs = { self, nixpkgs, home-manager, ... }: {
    nixosConfigurations."küche" = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./hosts/kueche
        { users.users.zoe.description = "Zoë Ünal — 管理者"; }
        { environment.etc."motd".text = "Willkommen! 👋 مرحبا"; }
      ];
    };
  };
}
