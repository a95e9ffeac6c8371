/** The rule registry: one import and one list entry per rule. */
import alpineNoGlibcBinaries from './alpine-no-glibc-binaries';
import apkNoCacheCleanupInOwnLayer from './apk-no-cache-cleanup-in-own-layer';
import apkNoDeleteInLaterLayer from './apk-no-delete-in-later-layer';
import apkNoRenamedPackages from './apk-no-renamed-packages';
import apkNoUpdateInOwnLayer from './apk-no-update-in-own-layer';
import apkPreferNoCache from './apk-prefer-no-cache';
import apkRequirePinnedVersions from './apk-require-pinned-versions';
import apkRequireVirtualCleanup from './apk-require-virtual-cleanup';
import apkVirtualPreferMultiStage from './apk-virtual-prefer-multi-stage';
import aptPreferAptGet from './apt-prefer-apt-get';
import aptPreferNoInstallRecommends from './apt-prefer-no-install-recommends';
import aptRequireListsCleanup from './apt-require-lists-cleanup';
import aptRequirePinnedVersions from './apt-require-pinned-versions';
import aptRequireYes from './apt-require-yes';
import copyManifestBeforeInstall from './copy-manifest-before-install';
import curlWgetPreferOne from './curl-wget-prefer-one';
import dnfRequireClean from './dnf-require-clean';
import dnfRequirePinnedVersions from './dnf-require-pinned-versions';
import dnfRequireYes from './dnf-require-yes';
import fromRequirePinnedTag from './from-require-pinned-tag';
import gemRequirePinnedVersions from './gem-require-pinned-versions';
import goRequirePinnedVersions from './go-require-pinned-versions';
import noForeignPackageManager from './no-foreign-package-manager';
import noUnusedSuppression from './no-unused-suppression';
import npmRequirePinnedVersions from './npm-require-pinned-versions';
import pipNoExternallyManagedInstall from './pip-no-externally-managed-install';
import pipRequireNoCacheDir from './pip-require-no-cache-dir';
import pipRequirePinnedVersions from './pip-require-pinned-versions';
import preferMultiStageBuild from './prefer-multi-stage-build';
import useraddRequireNoLogInit from './useradd-require-no-log-init';
import wgetRequireProgress from './wget-require-progress';
import yarnRequireCacheClean from './yarn-require-cache-clean';
import yumRequireClean from './yum-require-clean';
import yumRequirePinnedVersions from './yum-require-pinned-versions';
import yumRequireYes from './yum-require-yes';
import zypperNoDistUpgrade from './zypper-no-dist-upgrade';
import zypperRequireClean from './zypper-require-clean';
import zypperRequirePinnedVersions from './zypper-require-pinned-versions';
import zypperRequireYes from './zypper-require-yes';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [
  alpineNoGlibcBinaries,
  apkNoCacheCleanupInOwnLayer,
  apkNoDeleteInLaterLayer,
  apkNoRenamedPackages,
  apkNoUpdateInOwnLayer,
  apkPreferNoCache,
  apkRequirePinnedVersions,
  apkRequireVirtualCleanup,
  apkVirtualPreferMultiStage,
  aptPreferAptGet,
  aptPreferNoInstallRecommends,
  aptRequireListsCleanup,
  aptRequirePinnedVersions,
  aptRequireYes,
  copyManifestBeforeInstall,
  curlWgetPreferOne,
  dnfRequireClean,
  dnfRequirePinnedVersions,
  dnfRequireYes,
  fromRequirePinnedTag,
  gemRequirePinnedVersions,
  goRequirePinnedVersions,
  noForeignPackageManager,
  noUnusedSuppression,
  npmRequirePinnedVersions,
  pipNoExternallyManagedInstall,
  pipRequireNoCacheDir,
  pipRequirePinnedVersions,
  preferMultiStageBuild,
  useraddRequireNoLogInit,
  wgetRequireProgress,
  yarnRequireCacheClean,
  yumRequireClean,
  yumRequirePinnedVersions,
  yumRequireYes,
  zypperNoDistUpgrade,
  zypperRequireClean,
  zypperRequirePinnedVersions,
  zypperRequireYes,
];


const byId = new Map(allRules.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}
