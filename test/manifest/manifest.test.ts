// manifest.xml: valid against Microsoft's add-in manifest XSDs (offline, with xmllint-wasm), and
// consistent where the schema cannot tell: ExcelApi 1.7, the Home-tab button and its strings, icons
// that exist with the sizes they claim, and a production rewrite that leaves no localhost URL.
// Run alone with `npm run validate`.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const xsdDir = resolve(repoRoot, '../shared/office-manifest-xsd');
const manifestPath = join(repoRoot, 'manifest.xml');
const assetsDir = join(repoRoot, 'assets');

const ns = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/**
 * OfficeAppManifestV1_1.xsd imports ContentAppVersionOverridesV1_0.xsd, which Microsoft never
 * published with the others; this lax stand-in declares its one referenced element.
 */
const contentOverridesStub = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
    targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides">
  <xs:element name="VersionOverrides">
    <xs:complexType>
      <xs:sequence><xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:anyAttribute processContents="lax"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

interface WebpackConfigModule {
  readonly devUrl: string;
  readonly placeholderPublicUrl: string;
  rewriteManifestUrls(xml: string, publicUrl?: string): string;
  publicUrlFrom(value?: string): string;
}

async function loadWebpackConfig(): Promise<WebpackConfigModule> {
  return (await import(pathToFileURL(join(repoRoot, 'webpack.config.js')).href)) as WebpackConfigModule;
}

async function validateAgainstXsd(xml: string): Promise<{ valid: boolean; output: string }> {
  const entry = 'OfficeAppManifestV1_1.xsd';
  const preload: XMLFileInfo[] = readdirSync(xsdDir)
    .filter((name) => name.endsWith('.xsd') && name !== entry)
    .map((name) => ({ fileName: name, contents: readFileSync(join(xsdDir, name), 'utf8') }));
  if (!preload.some((file) => file.fileName === 'ContentAppVersionOverridesV1_0.xsd')) {
    preload.push({ fileName: 'ContentAppVersionOverridesV1_0.xsd', contents: contentOverridesStub });
  }
  const result = await validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: { fileName: entry, contents: readFileSync(join(xsdDir, entry), 'utf8') },
    preload,
  });
  return { valid: result.valid, output: result.rawOutput };
}

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function elements(parent: Document | Element, namespace: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, name));
}

function only(parent: Document | Element, namespace: string, name: string): Element {
  const found = elements(parent, namespace, name);
  assert.equal(found.length, 1, `expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** The one direct child element with this local name (the manifest nests Labels and Icons). */
function child(parent: Element, name: string): Element {
  const found = Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === name);
  assert.equal(found.length, 1, `expected one <${name}> in <${parent.localName}>, found ${found.length}`);
  return found[0];
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(ns.xsi, 'type');
}

/** The bt:String (short or long) or bt:Url / bt:Image with this id in Resources. */
function resource(doc: Document, id: string): Element {
  const found = ['String', 'Url', 'Image'].flatMap((name) => elements(doc, ns.bt, name)).filter((el) => el.getAttribute('id') === id && el.hasAttribute('DefaultValue'));
  assert.equal(found.length, 1, `resource "${id}" is defined ${found.length} times`);
  return found[0];
}

function enUsOverride(element: Element, namespace: string): string | undefined {
  return elements(element, namespace, 'Override').find((el) => el.getAttribute('Locale') === 'en-US')?.getAttribute('Value') ?? undefined;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${path} is not a PNG`);
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every absolute URL in the text (attribute values and element text alike). */
function urlsIn(xml: string): string[] {
  return [...xml.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((match) => match[0]);
}

const manifest = readFileSync(manifestPath, 'utf8');
const doc = parse(manifest);

describe('manifest.xml', function () {
  describe('against the Office add-in manifest XSDs (schema 1.1)', function () {
    this.timeout(60_000);

    before(function () {
      if (!existsSync(join(xsdDir, 'OfficeAppManifestV1_1.xsd'))) {
        console.log(`    (skipped: no XSDs at ${xsdDir}; they come with the shared folder beside the project)`);
        this.skip();
      }
    });

    it('validates', async function () {
      const { valid, output } = await validateAgainstXsd(manifest);
      assert.ok(valid, output);
    });

    it('is really checked: a wrong Permissions value is rejected', async function () {
      const broken = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>');
      assert.notEqual(broken, manifest);
      const { valid, output } = await validateAgainstXsd(broken);
      assert.equal(valid, false);
      assert.match(output, /Permissions/);
    });

    it('still validates after the production rewrite', async function () {
      const { rewriteManifestUrls } = await loadWebpackConfig();
      const { valid, output } = await validateAgainstXsd(rewriteManifestUrls(manifest, 'https://cgj.example.gov.cn/yuebao/'));
      assert.ok(valid, output);
    });
  });

  it('is a task-pane add-in for Excel with a fixed id, version 1.0.0.0 and zh-CN as its default locale', function () {
    const app = doc.documentElement;
    assert.ok(app !== null);
    assert.equal(app.localName, 'OfficeApp');
    assert.equal(app.namespaceURI, ns.app);
    assert.equal(xsiType(app), 'TaskPaneApp');
    assert.match(only(doc, ns.app, 'Id').textContent ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(only(doc, ns.app, 'Version').textContent, '1.0.0.0');
    assert.equal(only(doc, ns.app, 'DefaultLocale').textContent, 'zh-CN');
    const hosts = elements(doc, ns.app, 'Host').filter((el) => el.parentNode !== null && (el.parentNode as Element).namespaceURI === ns.app);
    assert.deepEqual(hosts.map((el) => el.getAttribute('Name')), ['Workbook']);
    assert.equal(only(doc, ns.app, 'Permissions').textContent, 'ReadWriteDocument');
  });

  it('has Chinese display name and description with en-US overrides', function () {
    for (const name of ['DisplayName', 'Description']) {
      const element = only(doc, ns.app, name);
      assert.match(element.getAttribute('DefaultValue') ?? '', /[\u4e00-\u9fff]/, `${name} is in Chinese`);
      assert.ok((enUsOverride(element, ns.app) ?? '') !== '', `${name} has an en-US override`);
    }
    assert.equal(only(doc, ns.app, 'DisplayName').getAttribute('DefaultValue'), '城管月报助手');
  });

  it('requires ExcelApi 1.7 and nothing newer (Office 2019 loads it; newer sets are detected at run time)', function () {
    const requirements = only(doc, ns.app, 'Requirements');
    const sets = elements(requirements, ns.app, 'Set').map((el) => `${el.getAttribute('Name')} ${el.getAttribute('MinVersion')}`);
    assert.deepEqual(sets, ['ExcelApi 1.7']);
  });

  it('puts a 生成月报表 button that opens the task pane in a 城管月报 group on the Home tab', function () {
    const tab = only(doc, ns.ov, 'OfficeTab');
    assert.equal(tab.getAttribute('id'), 'TabHome');
    const group = child(tab, 'Group');
    assert.equal(resource(doc, child(group, 'Label').getAttribute('resid') ?? '').getAttribute('DefaultValue'), '城管月报');

    const button = child(group, 'Control');
    assert.equal(xsiType(button), 'Button');
    const label = resource(doc, child(button, 'Label').getAttribute('resid') ?? '');
    assert.equal(label.getAttribute('DefaultValue'), '生成月报表');
    assert.ok((enUsOverride(label, ns.bt) ?? '') !== '', 'the button label has an en-US override');
    const action = child(button, 'Action');
    assert.equal(xsiType(action), 'ShowTaskpane');
    const source = resource(doc, child(action, 'SourceLocation').getAttribute('resid') ?? '');
    assert.equal(source.getAttribute('DefaultValue'), only(doc, ns.app, 'SourceLocation').getAttribute('DefaultValue'));
    assert.deepEqual(elements(child(button, 'Icon'), ns.bt, 'Image').map((el) => el.getAttribute('size')), ['16', '32', '80']);
  });

  it('gives every resource string an en-US override and defines every resid it uses', function () {
    for (const string of elements(doc, ns.bt, 'String')) {
      assert.ok((enUsOverride(string, ns.bt) ?? '') !== '', `${string.getAttribute('id')} has an en-US override`);
    }
    const used = Array.from(doc.getElementsByTagName('*')).map((el) => el.getAttribute('resid')).filter((id): id is string => id !== null && id !== '');
    assert.ok(used.length > 0);
    for (const id of new Set(used)) resource(doc, id);
  });

  it('points every URL at the dev server on config.dev_server_port, over https', async function () {
    const { devUrl } = await loadWebpackConfig();
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { config?: { dev_server_port?: number } };
    assert.equal(devUrl, `https://localhost:${pkg.config?.dev_server_port}/`);
    assert.equal(only(doc, ns.app, 'SourceLocation').getAttribute('DefaultValue'), `${devUrl}taskpane.html`);
    const attributeUrls = Array.from(doc.getElementsByTagName('*')).flatMap((el) => [el.getAttribute('DefaultValue'), el.getAttribute('Value')]).filter((value): value is string => value !== null && /^https?:/.test(value));
    const appDomains = elements(doc, ns.app, 'AppDomain').map((el) => el.textContent ?? '');
    assert.ok(attributeUrls.length >= 8);
    for (const url of attributeUrls) assert.ok(url.startsWith(devUrl), `${url} is not on ${devUrl}`);
    for (const domain of appDomains) assert.equal(domain, devUrl.slice(0, -1));
  });

  it('uses only icons that are in assets/, with the sizes it declares', function () {
    const declared: { url: string; size: number }[] = [
      { url: only(doc, ns.app, 'IconUrl').getAttribute('DefaultValue') ?? '', size: 32 },
      { url: only(doc, ns.app, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', size: 64 },
    ];
    const images = elements(doc, ns.bt, 'Image').filter((el) => el.hasAttribute('DefaultValue'));
    const used = Array.from(doc.getElementsByTagNameNS(ns.bt, 'Image')).filter((el) => el.hasAttribute('resid'));
    for (const image of images) {
      const sizes = new Set(used.filter((el) => el.getAttribute('resid') === image.getAttribute('id')).map((el) => Number(el.getAttribute('size'))));
      assert.equal(sizes.size, 1, `${image.getAttribute('id')} is used at one size`);
      declared.push({ url: image.getAttribute('DefaultValue') ?? '', size: [...sizes][0] });
    }
    assert.equal(declared.length, 5);
    for (const { url, size } of declared) {
      const match = /^https:\/\/localhost:\d+\/assets\/([^/]+\.png)$/.exec(url);
      assert.ok(match !== null, `${url} is not a PNG under assets/`);
      const file = join(assetsDir, match[1]);
      assert.ok(existsSync(file), `${url}: ${basename(file)} is not in assets/`);
      assert.deepEqual(pngSize(file), { width: size, height: size }, `${basename(file)} is ${size}×${size}`);
    }
  });

  describe('production rewrite (webpack.config.js, npm run build)', function () {
    it('replaces every localhost URL with ADDIN_PUBLIC_URL', async function () {
      const { rewriteManifestUrls } = await loadWebpackConfig();
      const publicUrl = 'https://cgj.example.gov.cn/yuebao/';
      const rewritten = rewriteManifestUrls(manifest, publicUrl);
      assert.doesNotMatch(rewritten, /https?:\/\/(localhost|127\.0\.0\.1)\b/i);
      const urls = urlsIn(rewritten).filter((url) => !url.startsWith('http://schemas.') && !url.startsWith('http://www.w3.org/'));
      assert.ok(urls.length >= 9);
      for (const url of urls) assert.ok(url.startsWith('https://cgj.example.gov.cn'), `${url} was not rewritten`);
      const out = parse(rewritten);
      assert.equal(only(out, ns.app, 'SourceLocation').getAttribute('DefaultValue'), `${publicUrl}taskpane.html`);
      assert.deepEqual(elements(out, ns.app, 'AppDomain').map((el) => el.textContent), ['https://cgj.example.gov.cn']);
      // Only URLs change.
      assert.equal(rewritten.replace(/https:\/\/cgj\.example\.gov\.cn(\/yuebao\/)?/g, ''), manifest.replace(/https:\/\/localhost:\d+\/?/g, ''));
    });

    it('adds the trailing slash, defaults to the documented placeholder and refuses plain http', async function () {
      const { publicUrlFrom, placeholderPublicUrl } = await loadWebpackConfig();
      assert.equal(publicUrlFrom('https://cgj.example.gov.cn/yuebao'), 'https://cgj.example.gov.cn/yuebao/');
      assert.equal(publicUrlFrom(''), placeholderPublicUrl);
      assert.throws(() => publicUrlFrom('http://cgj.example.gov.cn/'), /https/);
      assert.throws(() => publicUrlFrom('not a url'), /not a URL/);
    });
  });
});
