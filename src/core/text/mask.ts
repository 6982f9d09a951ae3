/**
 * Masking of personal information in free text. Citizens' phone numbers and names never appear in
 * any output: every description the product writes goes through `maskPersonalInfo`.
 */

const mobile = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
const landline = /(?<!\d)(?:0\d{2,3}[-\s]?)?[2-8]\d{6,7}(?!\d)/g;
const idCard = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** 张先生, 李女士, 王师傅, 刘某某 …: a surname and a form of address. */
const addressForm = /([\u4e00-\u9fa5])(先生|女士|小姐|师傅|阿姨|大爷|大妈|老师|某某|某)(?=[^\u4e00-\u9fa5]|[\u4e00-\u9fa5])/g;
/** 来电人：张三 / 反映人张三 / 联系人:李四 … */
const namedBy = /(来电人|反映人|诉求人|联系人|投诉人|举报人|业主|市民)([：:\s]*)([\u4e00-\u9fa5]{2,3})(?=[，,。；;\s（(]|$|称|反映|来电|投诉|说)/g;
const commonSurnames = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);

/**
 * Replaces phone numbers, id-card numbers and personal names in `text` with ***; `knownNames` are
 * names read from the export's caller column, masked wherever they occur (they are used for nothing else).
 */
export function maskPersonalInfo(text: string, knownNames: ReadonlySet<string> = new Set()): string {
  let masked = text.replace(idCard, '***').replace(mobile, '***').replace(landline, '***');
  masked = masked.replace(namedBy, (match, role: string, gap: string, name: string) => (commonSurnames.has(name[0]) ? `${role}${gap}***` : match));
  masked = masked.replace(addressForm, (match, surname: string, form: string) => (commonSurnames.has(surname) ? `*${form}` : match));
  for (const name of knownNames) {
    if (name.length >= 2) masked = masked.split(name).join('***');
  }
  return masked;
}

/** Whether `text` still holds something that looks like a phone number. */
export function containsPhoneNumber(text: string): boolean {
  mobile.lastIndex = 0;
  landline.lastIndex = 0;
  return mobile.test(text) || landline.test(text);
}
