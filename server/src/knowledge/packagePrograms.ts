/**
 * Which programs an Alpine package puts on the PATH, so a command that runs a program can be traced back to the
 * package that must stay installed for it. Most packages install a program of their own name (`curl`, `tini`,
 * `dumb-init`, `su-exec`, `jq`); the table lists the ones that differ. BusyBox, in every Alpine image, keeps a
 * program of its own (`wget`, `tar`, `unzip`, …) when the package of the same name is deleted.
 * Sources, read 2026-12-05: the APKBUILDs of aports `master` (their `cmd:` provides) and the applets enabled in
 * aports `main/busybox/busyboxconfig`.
 */
import { programsOf } from './buildPackages';

/** Packages whose programs are not (only) their own name. */
const PROGRAMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['nodejs', ['node']],
  ['nodejs-current', ['node']],
  ['npm', ['npm', 'npx']],
  ['python3', ['python3']],
  ['py3-pip', ['pip', 'pip3']],
  ['py3-virtualenv', ['virtualenv']],
  ['ruby', ['ruby']],
  ['ruby-bundler', ['bundle', 'bundler']],
  ['openssh-client', ['ssh', 'scp', 'sftp', 'ssh-keygen', 'ssh-keyscan']],
  ['openssh-client-default', ['ssh', 'scp', 'sftp', 'ssh-keygen', 'ssh-keyscan']],
  ['openssh', ['ssh', 'scp', 'sftp', 'ssh-keygen', 'ssh-keyscan', 'sshd']],
  ['ca-certificates', ['update-ca-certificates']],
  ['postgresql-client', ['psql', 'pg_dump', 'pg_restore', 'pg_isready']],
  ['mariadb-client', ['mysql', 'mariadb', 'mysqldump', 'mariadb-dump']],
  ['mysql-client', ['mysql', 'mysqldump']],
  ['shadow', ['useradd', 'usermod', 'groupadd', 'groupmod', 'userdel', 'chpasswd']],
  ['gettext', ['envsubst', 'msgfmt']],
  ['gettext-envsubst', ['envsubst']],
  ['gnupg', ['gpg', 'gpg-agent']],
  ['docker-cli', ['docker']],
  ['aws-cli', ['aws']],
  ['supervisor', ['supervisord', 'supervisorctl']],
  ['openjdk8-jre', ['java']],
  ['openjdk11-jre', ['java']],
  ['openjdk17-jre', ['java']],
  ['openjdk21-jre', ['java']],
  ['openjdk17', ['java', 'javac']],
  ['openjdk21', ['java', 'javac']],
  ['bind-tools', ['dig', 'nslookup', 'host']],
  ['netcat-openbsd', ['nc']],
  ['procps', ['ps', 'top', 'pgrep', 'pkill']],
  ['procps-ng', ['ps', 'top', 'pgrep', 'pkill']],
  ['findutils', ['find', 'xargs']],
  ['coreutils', []],
  ['tzdata', []],
  ['libc6-compat', []],
  ['gcompat', []],
]);

/** Names that hold libraries, headers, data or documentation rather than a program of their own name. */
const NOT_A_PROGRAM = /^(?:lib|py3-|py-|perl-|ruby-|php\d*-|lua\d*-|font-|ttf-)|-(?:dev|doc|libs|static|data|lang|openrc|dbg)$|^\./;

/** Programs BusyBox provides in every Alpine image, so deleting the package of the same name leaves one behind. */
export const BUSYBOX_PROGRAMS: ReadonlySet<string> = new Set([
  'wget', 'tar', 'unzip', 'gzip', 'gunzip', 'zcat', 'bzip2', 'bunzip2', 'unxz', 'xzcat', 'sed', 'grep', 'egrep', 'fgrep', 'awk',
  'find', 'xargs', 'less', 'patch', 'diff', 'cut', 'sort', 'uniq', 'tr', 'head', 'tail', 'which', 'ps', 'top', 'pgrep', 'pkill',
  'nc', 'ping', 'traceroute', 'nslookup', 'ip', 'vi', 'bc', 'dc', 'su', 'adduser', 'addgroup', 'deluser', 'delgroup', 'md5sum',
  'sha1sum', 'sha256sum', 'sha512sum', 'base64', 'hexdump', 'xxd', 'od', 'install', 'mktemp', 'readlink', 'realpath', 'stat',
  'tee', 'timeout', 'env', 'chown', 'chmod', 'cp', 'mv', 'rm', 'ln', 'mkdir', 'cat', 'echo', 'ls', 'sh', 'ash', 'date', 'id',
]);

/** Programs `name` installs (its own name unless the table says otherwise); none for library, header and data packages. */
export function programsOfPackage(name: string): readonly string[] {
  return PROGRAMS.get(name) ?? (programsOf(name).length > 0 ? programsOf(name) : NOT_A_PROGRAM.test(name) ? [] : [name]);
}

/** Programs `name` installs that BusyBox does not also provide: what breaks when the package is deleted. */
export function programsLostWith(name: string): readonly string[] {
  return programsOfPackage(name).filter((program) => !BUSYBOX_PROGRAMS.has(program));
}
