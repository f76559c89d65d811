{
	description = "One flake for a Mac, a NixOS box and a standalone home";

	inputs = {
		nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
		nix-darwin = {
			url = "github:LnL7/nix-darwin";
			inputs.nixpkgs.follows = "nixpkgs";
		};
		home-manager = {
			url = "github:nix-community/home-manager";
			inputs.nixpkgs.follows = "nixpkgs";
		};
	};

	outputs = inputs @ { self, nixpkgs, nix-darwin, home-manager, ... }: {
		darwinConfigurations.studio = nix-darwin.lib.darwinSystem {
			system = "aarch64-darwin";
			modules = [
				./darwin/studio.nix
				home-manager.darwinModules.home-manager
			];
		};

		nixosConfigurations.tower = nixpkgs.lib.nixosSystem {
			system = "x86_64-linux";
			modules = [ ./nixos/tower.nix home-manager.nixosModules.home-manager ];
		};

		homeConfigurations."erin@studio" = home-manager.lib.homeManagerConfiguration {
			pkgs = nixpkgs.legacyPackages.aarch64-darwin;
			modules = [
				./home/erin.nix
			];
		};
	};
}
