/**
 * @module scorm/package
 * Builds the SCORM zip for a drill: manifest, launch page and bridge script. Pure: the caller
 * signs the package token and says where the server is.
 */
import { strToU8, zipSync } from 'fflate';
import { SCORM_BRIDGE_JS } from './bridge-script.js';
import { scormLaunchPage } from './launch-page.js';
import { scormManifest, type ScormVersion } from './manifest.js';

export interface ScormPackageInput {
  version: ScormVersion;
  apiBase: string;
  drill: { id: string; title: string };
  packageToken: string;
}

/** The zip's bytes. `imsmanifest.xml` is at the root, as every LMS expects. */
export function buildScormPackage(p: ScormPackageInput): Uint8Array {
  const files = {
    'imsmanifest.xml': strToU8(
      scormManifest({ version: p.version, drillId: p.drill.id, title: p.drill.title }),
    ),
    'index.html': strToU8(
      scormLaunchPage({
        version: p.version,
        apiBase: p.apiBase,
        drillId: p.drill.id,
        title: p.drill.title,
        packageToken: p.packageToken,
      }),
    ),
    'scorm-bridge.js': strToU8(SCORM_BRIDGE_JS),
  };
  // fixed mtime: the same drill and token give the same bytes
  return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

/** A file name for the download: the drill title in plain letters. */
export function packageFileName(title: string, version: ScormVersion): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'drill';
  return `sounding-board-${slug}-scorm${version === '1.2' ? '12' : '2004'}.zip`;
}
