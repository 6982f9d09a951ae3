/**
 * Masking of personal information in free text. Citizens' names, phone numbers and other identifying
 * numbers never appear in any output: every description the product writes goes through
 * `maskPersonalInfo`, and places are extracted from masked text only.
 *
 * What is masked (each replaced by ***):
 * - numbers: mobile and landline numbers in any spacing (`138 1234 5678`, `138.1234.5678`,
 *   `0818-2345678`), id-card numbers (18 digits, and the old 15), bank cards (16–19 digits, grouped or
 *   not), passports (`E12345678`), car plates (`川A12345`, `川AD12345`), e-mail addresses, WeChat and QQ
 *   ids after their words (`微信号：abc_123`, `QQ 12345678`), and any run of 11 or more digits;
 *   full-width digits and letters are read as their half-width twins first (`１３６…`), Chinese
 *   punctuation kept;
 * - names: the names and numbers read from the export's caller and phone columns (`knownTexts`), of any
 *   length (`欧阳娜娜娜`, `买买提·艾力`, and each part of a dotted name); a surname (one of the common
 *   single or compound surnames) with a form of address (`张先生`, `欧阳女士`, `刘某`); a name after the
 *   words that introduce one (`来电人：李四`, `我叫王五`, `姓名：赵六`, `我是张三，`).
 * Text that names no person is left as it is (`海星园1栋3楼4号` keeps its building numbers).
 */

/**
 * Full-width digits and letters (and the ＠ ． － ＋ ＿ that numbers and addresses use) as their half-width
 * twins, one character for one, so patterns see `１３６…` as `136…`; Chinese punctuation (，：（）) stays.
 */
export function halfWidthAscii(text: string): string {
  if (!/[\uff0b\uff0d\uff0e\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5a]/.test(text)) return text;
  return text.replace(/[\uff0b\uff0d\uff0e\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5a]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

const sep = '[-\\s.·_]?';
const mobile = new RegExp(`(?<![0-9A-Za-z])(?:\\+?86${sep})?1[3-9]\\d${sep}\\d{4}${sep}\\d{4}(?![0-9A-Za-z])`, 'g');
const landline = /(?<![0-9A-Za-z])(?:\(?0\d{2,3}\)?[-\s.]?)?[2-8]\d{2,3}[-\s.]?\d{4}(?![0-9A-Za-z])/g;
/** 18-digit and old 15-digit id-card numbers. */
const idCard = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
/** Bank cards: 16–19 digits, possibly in groups of four. */
const bankCard = /(?<![0-9A-Za-z])\d{4}(?:[\s-]?\d{4}){3}(?:[\s-]?\d{1,3})?(?![0-9A-Za-z])/g;
/** Any long run of digits (11 or more) is an identifier of some person or account, not a figure of a complaint. */
const longDigits = /\d{11,}/g;
const passport = /(?<![0-9A-Za-z])[EGDSPHegdsph][A-Za-z]?\d{7,8}(?![0-9A-Za-z])/g;
const plateProvinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const plate = new RegExp(`[${plateProvinces}][A-Za-z][\\s·•.-]?[A-Za-z0-9]{5,6}(?![A-Za-z0-9])`, 'g');
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const chatId = /(微信号?|微信ID|vx|VX|Vx|wx|WX|weixin|QQ号?|qq号?|Qq号?)(\s*[：:]?\s*)([A-Za-z0-9_-]{5,20})/g;

const commonSurnames = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
);
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木', '西门', '南宫', '独孤', '百里', '呼延', '澹台', '万俟', '闻人', '申屠', '太史', '赫连', '钟离', '东郭', '公羊', '濮阳', '淳于', '单于', '司空', '左丘'];
const surnameAlternation = `(?:${compoundSurnames.join('|')}|[${[...commonSurnames].join('')}])`;

/** 张先生, 欧阳女士, 王师傅, 刘某某 …: a surname and a form of address. */
const addressForm = new RegExp(`${surnameAlternation}(?:先生|女士|小姐|师傅|阿姨|大爷|大妈|老师|某某|某)`, 'g');
/** A name as written after the words that introduce one: 2–4 CJK characters, or a dotted name (买买提·艾力). */
const nameBody = '[\\u4e00-\\u9fa5]{1,6}(?:[·•．.][\\u4e00-\\u9fa5]{1,6})*';
/** 来电人张三 / 反映人张三称 …: masked when the name starts with a surname. */
const namedBy = new RegExp(`(来电人|反映人|诉求人|联系人|投诉人|举报人|当事人|业主|市民)(\\s*)(${surnameAlternation}[\\u4e00-\\u9fa5]{1,3}(?:[·•][\\u4e00-\\u9fa5]{1,6})*)(?=[，,。；;\\s（(]|$|称|反映|来电|投诉|说|表示|住|家)`, 'g');
/** 来电人：买买提·艾力 …: after the role and a colon, whatever name follows is masked, surname or not. */
const namedAfterColon = new RegExp(`(来电人|反映人|诉求人|联系人|投诉人|举报人|当事人|姓名)(\\s*[：:]\\s*)(${nameBody})(?=[，,。；;\\s（(]|$|称|反映|来电|投诉|说|表示|住|家|先生|女士)`, 'g');
/** 我叫王五 / 名叫王五 / 姓名：王五 / 本人王五: whatever follows is a name. */
const introducedName = new RegExp(`(我叫|名叫|姓名[：:]?|本人叫)(\\s*)(${nameBody})`, 'g');
/** 我是张三，…: a name only when it starts with a surname and ends at punctuation (我是业主 is not one). */
const selfName = new RegExp(`(我是|本人是|本人)(${surnameAlternation}[\\u4e00-\\u9fa5]{1,2})(?=[，,。；;！!\\s]|$)`, 'g');

export const maskToken = '***';

/** Cheap tests that a family of patterns can match at all. */
const numberTrigger = /\d{4}|\d[-\s.·_]\d{3}/;
const plateTrigger = new RegExp(`[${plateProvinces}][A-Za-z]`);
const chatTrigger = /微信|vx|wx|weixin|qq/i;
const introducedTrigger = /我叫|名叫|姓名|本人叫/;
const selfTrigger = /我是|本人/;
const roleTrigger = /来电人|反映人|诉求人|联系人|投诉人|举报人|当事人|业主|市民/;
const formTrigger = /先生|女士|小姐|师傅|阿姨|大爷|大妈|老师|某/;

/**
 * A leading person in a short text, followed by where they live or stand: `向建华住`, `王先生家`,
 * `欧阳娜娜在`. Used to keep people out of place names (a 小区 found in `王先生家幸福花园` is 幸福花园).
 */
const personThenPlaceWord = new RegExp(`^(?:${surnameAlternation}(?:先生|女士|小姐|师傅|阿姨|大爷|大妈|老师|某某|某|[\\u4e00-\\u9fa5]{1,3}?))(?:家住|住在|住|家|在|于)`);

/** Length of a leading "person + 住/家/在" in `text`; 0 when it does not start with one. */
export function personPrefixLength(text: string): number {
  return personThenPlaceWord.exec(text)?.[0].length ?? 0;
}

/**
 * The literal texts to mask for a set of known names and numbers: each name, each part of a dotted
 * name, each number's digits. Numbers of 11 digits or more need no literal: every run that long is
 * masked by its shape.
 */
function literalsOf(knownTexts: ReadonlySet<string>): string[] {
  const literals = new Set<string>();
  for (const raw of knownTexts) {
    const text = halfWidthAscii(raw).trim();
    if (text.length < 2) continue;
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 5 && /^[\d\s()+\-.·]+$/.test(text)) {
      if (digits.length < 11) literals.add(digits).add(text);
      continue;
    }
    literals.add(text);
    for (const part of text.split(/[·•．.\s]+/)) if (part.length >= 2 && /[\u4e00-\u9fa5]/.test(part)) literals.add(part);
  }
  return [...literals];
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  /** Whether a literal ends here. */
  end: boolean;
}

/**
 * Replaces every known literal in a text by ***, in one pass over a trie of the literals: each
 * position costs a few map lookups whatever the number of callers (tens of thousands a month, many
 * sharing a surname or a phone prefix). At each position the longest literal wins (买买提·艾力 before 买买提).
 */
function createLiteralMasker(knownTexts: ReadonlySet<string>): (text: string) => string {
  const root: TrieNode = { next: new Map(), end: false };
  let count = 0;
  for (const literal of literalsOf(knownTexts)) {
    let node = root;
    for (let index = 0; index < literal.length; index++) {
      const code = literal.charCodeAt(index);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(code, child);
      }
      node = child;
    }
    node.end = true;
    count++;
  }
  if (count === 0) return (text) => text;
  return (text) => {
    let out = '';
    let copied = 0;
    for (let index = 0; index < text.length; ) {
      let node: TrieNode | undefined = root;
      let matched = 0;
      for (let at = index; at < text.length; at++) {
        node = node.next.get(text.charCodeAt(at));
        if (!node) break;
        if (node.end) matched = at - index + 1;
      }
      if (matched === 0) {
        index++;
        continue;
      }
      out += text.slice(copied, index) + maskToken;
      index += matched;
      copied = index;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}

/**
 * A masker for one build: `knownTexts` are the names and phone numbers read from the export's caller
 * and phone columns (they are used for nothing else), masked wherever they occur; every other form of
 * personal data is found by its shape (see the module comment).
 */
export function createMasker(knownTexts: ReadonlySet<string> = new Set()): (text: string) => string {
  const maskLiterals = createLiteralMasker(knownTexts);
  return (text) => {
    let masked = maskLiterals(halfWidthAscii(text));
    // Each family of patterns runs only where its cheap trigger is present: most complaints hold no
    // number, no e-mail and no name, and 50,000 orders a month are masked twice (descriptions, places).
    if (masked.includes('@')) masked = masked.replace(email, maskToken);
    if (chatTrigger.test(masked)) masked = masked.replace(chatId, (_match, word: string, gap: string) => `${word}${gap}${maskToken}`);
    if (plateTrigger.test(masked)) masked = masked.replace(plate, maskToken);
    if (numberTrigger.test(masked)) {
      masked = masked.replace(passport, maskToken).replace(idCard, maskToken).replace(bankCard, maskToken).replace(mobile, maskToken).replace(longDigits, maskToken).replace(landline, maskToken);
    }
    if (introducedTrigger.test(masked)) masked = masked.replace(introducedName, (_match, word: string, gap: string) => `${word}${gap}${maskToken}`);
    if (selfTrigger.test(masked)) masked = masked.replace(selfName, (_match, word: string) => `${word}${maskToken}`);
    if (roleTrigger.test(masked)) {
      masked = masked
        .replace(namedAfterColon, (_match, role: string, gap: string) => `${role}${gap}${maskToken}`)
        .replace(namedBy, (_match, role: string, gap: string) => `${role}${gap}${maskToken}`);
    }
    if (formTrigger.test(masked)) masked = masked.replace(addressForm, maskToken);
    return masked;
  };
}

const maskers = new WeakMap<ReadonlySet<string>, (text: string) => string>();
const noKnownTexts: ReadonlySet<string> = new Set();

/** The masker of a set of known texts, made once per set and reused (a build masks with one set). */
export function maskerFor(knownTexts: ReadonlySet<string> = noKnownTexts): (text: string) => string {
  let masker = maskers.get(knownTexts);
  if (!masker) {
    masker = createMasker(knownTexts);
    maskers.set(knownTexts, masker);
  }
  return masker;
}

/** Replaces personal information in `text` with ***. */
export function maskPersonalInfo(text: string, knownTexts: ReadonlySet<string> = noKnownTexts): string {
  return maskerFor(knownTexts)(text);
}

/** Whether `text` still holds something that looks like a phone number or another long identifier. */
export function containsPhoneNumber(text: string): boolean {
  const half = halfWidthAscii(text);
  for (const pattern of [mobile, landline, idCard, longDigits]) {
    pattern.lastIndex = 0;
    if (pattern.test(half)) return true;
  }
  return false;
}
