/** The rule registry: one import and one list entry per rule. */
import addPreferCopy from './add-prefer-copy';
import alpineNoGlibcBinaries from './alpine-no-glibc-binaries';
import alpineNoCrossReleaseCopy from './alpine-no-cross-release-copy';
import apkNoBrokenConstraint from './apk-no-broken-constraint';
import apkNoCacheCleanupInOwnLayer from './apk-no-cache-cleanup-in-own-layer';
import apkNoDeleteInLaterLayer from './apk-no-delete-in-later-layer';
import apkNoDeleteUsedPackage from './apk-no-delete-used-package';
import apkNoRenamedPackages from './apk-no-renamed-packages';
import apkNoSecondRuntime from './apk-no-second-runtime';
import apkNoUpdateInOwnLayer from './apk-no-update-in-own-layer';
import apkNoUselessCacheCommand from './apk-no-useless-cache-command';
import apkPinnedVersionMissing from './apk-pinned-version-missing';
import apkPreferNoCache from './apk-prefer-no-cache';
import apkRepositoryNoDeadMirror from './apk-repository-no-dead-mirror';
import apkRepositoryNoMixedReleases from './apk-repository-no-mixed-releases';
import apkRepositoryRequireHttps from './apk-repository-require-https';
import apkRequirePinnedVersions from './apk-require-pinned-versions';
import apkRequireVirtualCleanup from './apk-require-virtual-cleanup';
import apkUnknownPackage from './apk-unknown-package';
import apkVirtualPreferMultiStage from './apk-virtual-prefer-multi-stage';
import aptPreferAptGet from './apt-prefer-apt-get';
import aptPreferNoInstallRecommends from './apt-prefer-no-install-recommends';
import aptRequireListsCleanup from './apt-require-lists-cleanup';
import aptRequirePinnedVersions from './apt-require-pinned-versions';
import aptRequireYes from './apt-require-yes';
import cmdPreferJsonForm from './cmd-prefer-json-form';
import continuationNoEmptyLine from './continuation-no-empty-line';
import copyArchivePreferAdd from './copy-archive-prefer-add';
import copyFromNoOwnStage from './copy-from-no-own-stage';
import copyFromRequireEarlierStage from './copy-from-require-earlier-stage';
import copyManifestBeforeInstall from './copy-manifest-before-install';
import copyNoIgnoredFile from './copy-no-ignored-file';
import copyNoRootFilesystem from './copy-no-root-filesystem';
import copyRelativeDestRequireWorkdir from './copy-relative-dest-require-workdir';
import copyRequireDirDestination from './copy-require-dir-destination';
import curlWgetPreferOne from './curl-wget-prefer-one';
import descriptionCommentMatchName from './description-comment-match-name';
import dnfRequireClean from './dnf-require-clean';
import dnfRequirePinnedVersions from './dnf-require-pinned-versions';
import dnfRequireYes from './dnf-require-yes';
import dockerfileSyntax from './dockerfile-syntax';
import envNoSelfReference from './env-no-self-reference';
import exposeNoHostMapping from './expose-no-host-mapping';
import exposePortInRange from './expose-port-in-range';
import exposeProtocolRequireLowercase from './expose-protocol-require-lowercase';
import fromAlpineEndOfLife from './from-alpine-end-of-life';
import fromArgRequireDeclared from './from-arg-require-declared';
import fromArgRequireValidDefault from './from-arg-require-valid-default';
import fromAsMatchCasing from './from-as-match-casing';
import fromPlatformNoConstant from './from-platform-no-constant';
import fromPlatformNoRedundantTarget from './from-platform-no-redundant-target';
import fromRequireFirst from './from-require-first';
import fromRequirePinnedTag from './from-require-pinned-tag';
import fromRequireTrustedRegistry from './from-require-trusted-registry';
import gemRequirePinnedVersions from './gem-require-pinned-versions';
import goRequirePinnedVersions from './go-require-pinned-versions';
import healthcheckRequireInstruction from './healthcheck-require-instruction';
import instructionConsistentCasing from './instruction-consistent-casing';
import keyValuePreferEquals from './key-value-prefer-equals';
import labelNoUnlisted from './label-no-unlisted';
import labelRequireSchema from './label-require-schema';
import labelRequireValidKey from './label-require-valid-key';
import labelValueMatchSchema from './label-value-match-schema';
import maintainerNoDeprecated from './maintainer-no-deprecated';
import noForeignPackageManager from './no-foreign-package-manager';
import noUnusedSuppression from './no-unused-suppression';
import npmRequirePinnedVersions from './npm-require-pinned-versions';
import onbuildNoForbiddenTrigger from './onbuild-no-forbidden-trigger';
import pipNoExternallyManagedInstall from './pip-no-externally-managed-install';
import pipNoSourceBuildOnOldPip from './pip-no-source-build-on-old-pip';
import pipRequireNoCacheDir from './pip-require-no-cache-dir';
import pipRequirePinnedVersions from './pip-require-pinned-versions';
import pragmaNoInlineIgnore from './pragma-no-inline-ignore';
import preferMultiStageBuild from './prefer-multi-stage-build';
import runNoConsecutive from './run-no-consecutive';
import runNoPointlessCommands from './run-no-pointless-commands';
import runNoSudo from './run-no-sudo';
import runPreferShellInstruction from './run-prefer-shell-instruction';
import runPreferWorkdir from './run-prefer-workdir';
import runRequirePipefail from './run-require-pipefail';
import secretsNoArgOrEnv from './secrets-no-arg-or-env';
import shellRequireInstalled from './shell-require-installed';
import shellcheck from './shellcheck';
import stageNameNoDuplicate from './stage-name-no-duplicate';
import stageNameNoReserved from './stage-name-no-reserved';
import stageNameRequireLowercase from './stage-name-require-lowercase';
import stageNoRepeatedCmd from './stage-no-repeated-cmd';
import userNoRootLast from './user-no-root-last';
import userPreferNumericId from './user-prefer-numeric-id';
import useraddRequireNoLogInit from './useradd-require-no-log-init';
import variableRequireDefined from './variable-require-defined';
import wgetRequireProgress from './wget-require-progress';
import workdirRequireAbsolute from './workdir-require-absolute';
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
  addPreferCopy,
  alpineNoCrossReleaseCopy,
  alpineNoGlibcBinaries,
  apkNoBrokenConstraint,
  apkNoCacheCleanupInOwnLayer,
  apkNoDeleteInLaterLayer,
  apkNoDeleteUsedPackage,
  apkNoRenamedPackages,
  apkNoSecondRuntime,
  apkNoUpdateInOwnLayer,
  apkNoUselessCacheCommand,
  apkPinnedVersionMissing,
  apkPreferNoCache,
  apkRepositoryNoDeadMirror,
  apkRepositoryNoMixedReleases,
  apkRepositoryRequireHttps,
  apkRequirePinnedVersions,
  apkRequireVirtualCleanup,
  apkUnknownPackage,
  apkVirtualPreferMultiStage,
  aptPreferAptGet,
  aptPreferNoInstallRecommends,
  aptRequireListsCleanup,
  aptRequirePinnedVersions,
  aptRequireYes,
  cmdPreferJsonForm,
  continuationNoEmptyLine,
  copyArchivePreferAdd,
  copyFromNoOwnStage,
  copyFromRequireEarlierStage,
  copyManifestBeforeInstall,
  copyNoIgnoredFile,
  copyNoRootFilesystem,
  copyRelativeDestRequireWorkdir,
  copyRequireDirDestination,
  curlWgetPreferOne,
  descriptionCommentMatchName,
  dnfRequireClean,
  dnfRequirePinnedVersions,
  dnfRequireYes,
  dockerfileSyntax,
  envNoSelfReference,
  exposeNoHostMapping,
  exposePortInRange,
  exposeProtocolRequireLowercase,
  fromAlpineEndOfLife,
  fromArgRequireDeclared,
  fromArgRequireValidDefault,
  fromAsMatchCasing,
  fromPlatformNoConstant,
  fromPlatformNoRedundantTarget,
  fromRequireFirst,
  fromRequirePinnedTag,
  fromRequireTrustedRegistry,
  gemRequirePinnedVersions,
  goRequirePinnedVersions,
  healthcheckRequireInstruction,
  instructionConsistentCasing,
  keyValuePreferEquals,
  labelNoUnlisted,
  labelRequireSchema,
  labelRequireValidKey,
  labelValueMatchSchema,
  maintainerNoDeprecated,
  noForeignPackageManager,
  noUnusedSuppression,
  npmRequirePinnedVersions,
  onbuildNoForbiddenTrigger,
  pipNoExternallyManagedInstall,
  pipNoSourceBuildOnOldPip,
  pipRequireNoCacheDir,
  pipRequirePinnedVersions,
  pragmaNoInlineIgnore,
  preferMultiStageBuild,
  runNoConsecutive,
  runNoPointlessCommands,
  runNoSudo,
  runPreferShellInstruction,
  runPreferWorkdir,
  runRequirePipefail,
  secretsNoArgOrEnv,
  shellRequireInstalled,
  shellcheck,
  stageNameNoDuplicate,
  stageNameNoReserved,
  stageNameRequireLowercase,
  stageNoRepeatedCmd,
  userNoRootLast,
  userPreferNumericId,
  useraddRequireNoLogInit,
  variableRequireDefined,
  wgetRequireProgress,
  workdirRequireAbsolute,
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
