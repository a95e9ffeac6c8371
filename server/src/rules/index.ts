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
import copyManifestBeforeInstall from './copy-manifest-before-install';
import fromRequirePinnedTag from './from-require-pinned-tag';
import noForeignPackageManager from './no-foreign-package-manager';
import noUnusedSuppression from './no-unused-suppression';
import pipNoExternallyManagedInstall from './pip-no-externally-managed-install';
import pipRequireNoCacheDir from './pip-require-no-cache-dir';
import preferMultiStageBuild from './prefer-multi-stage-build';
import shellcheck from './shellcheck';
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
  copyManifestBeforeInstall,
  fromRequirePinnedTag,
  noForeignPackageManager,
  noUnusedSuppression,
  pipNoExternallyManagedInstall,
  pipRequireNoCacheDir,
  preferMultiStageBuild,
  shellcheck,
];


const byId = new Map(allRules.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}
