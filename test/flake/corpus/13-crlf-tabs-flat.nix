{
	description = "CRLF and tabs, flat inputs";

	inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
	inputs.flake-utils.url = "github:numtide/flake-utils";

	outputs =
		{ self
		, nixpkgs
		, flake-utils
		}:
		flake-utils.lib.eachDefaultSystem (system: {
			packages.default = nixpkgs.legacyPackages.${system}.hello;
		});
}
