# My flake: every kind of comment in every place an editor might trip over.
{
  description = "Comments everywhere"; # trailing comment on the description

  /* Inputs are bumped weekly by CI. */
  inputs = {
    # Main package set
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable"; # unstable on purpose

    /* a block comment
       spanning two lines */
    flake-utils.url = "github:numtide/flake-utils";
    # a comment after the last binding
  }; # end of inputs

  outputs = { self, nixpkgs, flake-utils /* comment inside formals */, ... }:
    # comment before the body
    {
      # nothing exported yet
    };
  # comment before the closing brace
}
# comment after the closing brace
