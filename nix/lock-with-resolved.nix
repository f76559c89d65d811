# package-lock.json with a `resolved` URL for every registry package.
#
# npm leaves `resolved` out when `omit-lockfile-registry-resolved` is set (as on the machine this
# lock file was written on); nixpkgs' importNpmLock needs it to fetch each package. A registry
# package's tarball URL follows from its name and version; its `integrity` (sha512) still pins the
# exact bytes, so nothing is trusted that the lock file did not already pin.
# Builtins only, so tests can evaluate it without nixpkgs.
lock:

let
  lastOf = list: builtins.elemAt list (builtins.length list - 1);
  splitOn = sep: text: builtins.filter builtins.isString (builtins.split sep text);

  # `node_modules/a/node_modules/@scope/b` installs `@scope/b`; an aliased entry names its package.
  packageName = path: entry: entry.name or (lastOf (splitOn "node_modules/" path));

  tarballUrl =
    name: version:
    "https://registry.npmjs.org/${name}/-/${lastOf (splitOn "/" name)}-${version}.tgz";

  withResolved =
    path: entry:
    if path == "" || entry ? resolved || (entry.link or false) || !(entry ? integrity) then
      entry
    else
      entry // { resolved = tarballUrl (packageName path entry) entry.version; };
in
lock // { packages = builtins.mapAttrs withResolved lock.packages; }
