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
import continuationNoEmptyLine from './continuation-no-empty-line';
import copyManifestBeforeInstall from './copy-manifest-before-install';
import copyNoIgnoredFile from './copy-no-ignored-file';
import descriptionCommentMatchName from './description-comment-match-name';
import exposeNoHostMapping from './expose-no-host-mapping';
import exposePortInRange from './expose-port-in-range';
import exposeProtocolRequireLowercase from './expose-protocol-require-lowercase';
import fromArgRequireDeclared from './from-arg-require-declared';
import fromArgRequireValidDefault from './from-arg-require-valid-default';
import fromAsMatchCasing from './from-as-match-casing';
import fromPlatformNoConstant from './from-platform-no-constant';
import fromPlatformNoRedundantTarget from './from-platform-no-redundant-target';
import fromRequirePinnedTag from './from-require-pinned-tag';
import instructionConsistentCasing from './instruction-consistent-casing';
import keyValuePreferEquals from './key-value-prefer-equals';
import noForeignPackageManager from './no-foreign-package-manager';
import noUnusedSuppression from './no-unused-suppression';
import pipNoExternallyManagedInstall from './pip-no-externally-managed-install';
import pipRequireNoCacheDir from './pip-require-no-cache-dir';
import preferMultiStageBuild from './prefer-multi-stage-build';
import secretsNoArgOrEnv from './secrets-no-arg-or-env';
import stageNameNoReserved from './stage-name-no-reserved';
import stageNameRequireLowercase from './stage-name-require-lowercase';
import variableRequireDefined from './variable-require-defined';
import workdirRequireAbsolute from './workdir-require-absolute';
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
  continuationNoEmptyLine,
  copyManifestBeforeInstall,
  copyNoIgnoredFile,
  descriptionCommentMatchName,
  exposeNoHostMapping,
  exposePortInRange,
  exposeProtocolRequireLowercase,
  fromArgRequireDeclared,
  fromArgRequireValidDefault,
  fromAsMatchCasing,
  fromPlatformNoConstant,
  fromPlatformNoRedundantTarget,
  fromRequirePinnedTag,
  instructionConsistentCasing,
  keyValuePreferEquals,
  noForeignPackageManager,
  noUnusedSuppression,
  pipNoExternallyManagedInstall,
  pipRequireNoCacheDir,
  preferMultiStageBuild,
  secretsNoArgOrEnv,
  stageNameNoReserved,
  stageNameRequireLowercase,
  variableRequireDefined,
  workdirRequireAbsolute,
];


const byId = new Map(allRules.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}
