// Real packages chosen to cover every host and repos.json option the snippets must handle.
import type { Package, Repo } from '../../src/model.js';
import { fixtureIndex, fixturePackage, fixtureRepo } from '../helpers/fixtures.js';

export interface Sample {
  why: string;
  pkg: Package;
  repo?: Repo;
}

const real = (ref: string, why: string): Sample => {
  const pkg = fixturePackage(ref);
  return { why, pkg, repo: fixtureIndex().repos[pkg.repo] };
};

/** The fixture has no package from a repo with `branch`; eh5 (real, branch=main) gets a real package. */
const withBranch = (): Sample => {
  const pkg = { ...fixturePackage('mic92.goatcounter') };
  pkg.repo = 'eh5';
  pkg.ref = 'eh5.goatcounter';
  pkg.attrPath = 'nur.repos.eh5.goatcounter';
  return { why: 'GitHub repo with a branch', pkg, repo: fixtureRepo('eh5') };
};

export function samples(): Sample[] {
  return [
    real('mic92.goatcounter', 'GitHub'),
    real('alwinb.sasm', 'gitlab.com'),
    real('999eagle.cargo-vibe', 'self-hosted GitLab, digit-leading repo'),
    real('arteneko.cap', 'sourcehut'),
    real('priegger.nanoc', 'sourcehut with file'),
    real('eownerdead.fullscreen-to-new-workspace', 'Codeberg'),
    real('AndrewKvalheim.apex', 'Codeberg with file'),
    real('eeva.vim', 'gitea'),
    real('kapack.cigri', 'GitHub with file'),
    real('ccicnce113424.danmakufactory', 'file in a subdirectory'),
    real('blakat360.rfz', 'submodules'),
    withBranch(),
    real('0komo.luakit_2_4', 'digit-leading repo, longDescription, mainProgram'),
    real('jomik.androidsdk.platform23', 'nested attr on gitlab.com'),
    real('nolith.python3Packages.python-srtm', 'nested attr, repo missing from repos.json'),
    real('cransom.plater', 'repo missing from repos.json'),
    real('Samuel-Martineau.latexit', 'macOS-only'),
    real('drewrisinger.raspberryPi.argonone-rpi4', 'Linux but not x86_64, nested'),
    real('12Boti.nsight-graphics', 'unfree'),
    real('12Boti.examdown', 'broken'),
  ];
}
