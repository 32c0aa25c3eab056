import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Certificates made for a test with the openssl CLI: a CA of its own (valid 30 days) and leaves it
 * signs with any validity, expired ones included (`openssl ca -startdate/-enddate`), each naming
 * 127.0.0.1 and localhost unless told otherwise. Point `tls.ca` at `caFile` to trust them.
 */
const DAY_MS = 86_400_000;

export interface TestCa {
  readonly dir: string;
  readonly caFile: string;
  /** A leaf: `days` left of a 90-day certificate, or valid from `start` to `end`. */
  leaf(name: string, opts: { days?: number; start?: Date; end?: Date; san?: string }): { key: Buffer; cert: Buffer };
  /** An intermediate CA this CA signs (valid 30 days), with leaves of its own; `cert` is its certificate (PEM). */
  intermediate(name: string): TestCa & { readonly cert: Buffer };
}

const CA_CONFIG = `[ ca ]
default_ca = lg
[ lg ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[ any ]
commonName = supplied
`;

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** "20200101000000Z": the form openssl ca takes. */
function asn1Time(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const CA_EXT = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'lg-ca-'));
  openssl(dir, ['req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=launchguard test CA', '-days', '30', ...CA_EXT]);
  return signer(dir);
}

function signer(dir: string): TestCa {
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  const ec = EC;
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    leaf(name, opts) {
      openssl(dir, ['req', '-new', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`,
        '-addext', `subjectAltName=${opts.san ?? 'IP:127.0.0.1,DNS:localhost'}`]);
      // `days`: the days left of a 90-day certificate, as a real one near renewal (issued 90 - days ago):
      // the TLS audit scales its thresholds down for short-lived certificates only.
      const now = Date.now();
      const start = opts.days !== undefined ? new Date(now - Math.max(0, 90 - opts.days) * DAY_MS) : opts.start!;
      const end = opts.days !== undefined ? new Date(now + opts.days * DAY_MS) : opts.end!;
      const validity = ['-startdate', asn1Time(start), '-enddate', asn1Time(end)];
      openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', ...validity]);
      return { key: readFileSync(join(dir, `${name}.key`)), cert: readFileSync(join(dir, `${name}.pem`)) };
    },
    intermediate(name) {
      const sub = mkdtempSync(join(tmpdir(), 'lg-ica-'));
      openssl(sub, ['req', '-new', ...EC, '-keyout', 'ca.key', '-out', 'ca.csr', '-subj', `/CN=${name}`, ...CA_EXT]);
      openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', join(sub, 'ca.csr'), '-out', join(sub, 'ca.pem'), '-notext', '-days', '30']);
      return { ...signer(sub), cert: readFileSync(join(sub, 'ca.pem')) };
    },
  };
}
