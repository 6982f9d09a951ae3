/**
 * The header glossary: for each sheet kind, the fields the core reads and the header texts (中文表头)
 * that name them in the exports of different systems. Data, not logic: `detect-header.ts` matches it.
 * Synonyms are listed in order of preference: when two columns match one field, the earlier synonym
 * wins (捆绑处置截止时间 before 处置截止时间).
 */

export type SheetKind = 'cases' | 'hotline' | 'returns' | 'flags';

export interface FieldSpec {
  readonly field: string;
  /** Chinese name shown in messages and the mapping UI. */
  readonly label: string;
  readonly required: boolean;
  readonly synonyms: readonly string[];
  /** Never copied to any output (citizens' names and phone numbers). */
  readonly personal?: boolean;
  /** A required field is also present when one of these fields is (a unit split into two columns). */
  readonly alternatives?: readonly string[];
}

/** Whether a sheet whose matched fields are `matched` has `spec` (itself, or one of its alternatives). */
export function hasField(spec: FieldSpec, matched: ReadonlySet<string>): boolean {
  return matched.has(spec.field) || (spec.alternatives ?? []).some((field) => matched.has(field));
}

export const caseFields: readonly FieldSpec[] = [
  { field: 'caseId', label: '案件编号', required: true, synonyms: ['任务号', '案件编号', '案件号', '案卷编号', '事件编号', '工单号', '编号'] },
  { field: 'source', label: '问题来源', required: true, synonyms: ['问题来源', '案件来源', '事件来源', '来源', '上报渠道', '上报方式'] },
  { field: 'reportedAt', label: '上报时间', required: true, synonyms: ['上报时间', '发现时间', '创建时间', '登记时间', '采集时间'] },
  { field: 'stage', label: '当前阶段', required: true, synonyms: ['当前阶段', '案件状态', '问题状态', '办理状态', '当前环节', '状态'] },
  {
    field: 'unit',
    label: '处置部门',
    required: true,
    synonyms: ['处置部门', '处置单位', '责任单位', '专业部门', '主责部门', '承办单位', '二级部门', '首处置单位'],
    alternatives: ['unitLevel1', 'unitLevel2'],
  },
  // Some systems export the unit as two columns; the two are read together as one spelling.
  { field: 'unitLevel1', label: '一级单位', required: false, synonyms: ['一级单位', '一级部门', '所属单位'] },
  { field: 'unitLevel2', label: '二级单位', required: false, synonyms: ['二级单位', '处置二级单位'] },
  { field: 'kind', label: '问题类型', required: false, synonyms: ['问题类型', '案件类型'] },
  { field: 'mainType', label: '大类', required: false, synonyms: ['大类', '问题大类', '案件大类'] },
  { field: 'subType', label: '小类', required: false, synonyms: ['小类', '问题小类', '案件小类', '细类'] },
  { field: 'description', label: '问题描述', required: false, synonyms: ['问题描述', '案件描述', '事件描述', '描述'] },
  { field: 'address', label: '地址描述', required: false, synonyms: ['地址描述', '发生地址', '事发地址', '问题地址', '位置描述', '地址'] },
  { field: 'district', label: '所属区域', required: false, synonyms: ['所属区域', '区县', '所属片区'] },
  { field: 'street', label: '所属街道', required: false, synonyms: ['所属街道', '街道'] },
  { field: 'community', label: '所属社区', required: false, synonyms: ['所属社区', '社区'] },
  { field: 'acceptedAt', label: '受理时间', required: false, synonyms: ['受理时间'] },
  { field: 'filedAt', label: '立案时间', required: false, synonyms: ['立案时间'] },
  { field: 'dispatchedAt', label: '派遣时间', required: false, synonyms: ['派遣时间', '派发时间'] },
  { field: 'deadline', label: '处置截止时间', required: false, synonyms: ['捆绑处置截止时间', '处置截止时间', '截止时间', '规定完成时间', '应处置时间'] },
  { field: 'disposedAt', label: '处置完成时间', required: false, synonyms: ['处置完成时间', '处置结束时间', '处理完成时间', '反馈时间', '处置时间'] },
  { field: 'closedAt', label: '结案时间', required: false, synonyms: ['结案时间', '归档时间', '办结时间'] },
  { field: 'overdueFlag', label: '是否超期', required: false, synonyms: ['是否超期', '超期标志', '处置超时'] },
  { field: 'onTimeFlag', label: '是否按期', required: false, synonyms: ['是否按期'] },
  { field: 'selfDisposed', label: '是否自行处置', required: false, synonyms: ['是否自行处置', '处置方式'] },
  { field: 'reworkCount', label: '返工次数', required: false, synonyms: ['返工次数', '是否返工'] },
  { field: 'postponeCount', label: '延期次数', required: false, synonyms: ['延期次数'] },
  { field: 'pointType', label: '点位类型', required: false, synonyms: ['点位类型', '点位'] },
];

export const hotlineFields: readonly FieldSpec[] = [
  { field: 'orderId', label: '工单编号', required: true, synonyms: ['工单编号', '工单号', '受理编号', '流水号', '热线单号'] },
  { field: 'receivedAt', label: '受理时间', required: true, synonyms: ['受理时间', '来电时间', '登记时间', '交办时间', '派单时间', '市交办时间'] },
  { field: 'unit', label: '承办单位', required: true, synonyms: ['承办单位', '主办单位', '办理单位', '责任单位', '处置单位'] },
  { field: 'category', label: '诉求分类', required: true, synonyms: ['诉求分类', '问题分类', '业务分类', '事项分类', '一级分类'] },
  { field: 'category2', label: '二级分类', required: false, synonyms: ['二级分类'] },
  { field: 'category3', label: '三级分类', required: false, synonyms: ['三级分类'] },
  { field: 'category4', label: '四级分类', required: false, synonyms: ['四级分类'] },
  { field: 'category5', label: '五级分类', required: false, synonyms: ['五级分类'] },
  { field: 'content', label: '诉求内容', required: false, synonyms: ['诉求内容', '内容描述', '问题描述', '来电内容', '诉求详情', '工单标题'] },
  { field: 'address', label: '诉求地址', required: false, synonyms: ['诉求地址', '事发地址', '事件发生地', '诉求详细地址', '发生地址'] },
  { field: 'status', label: '办理状态', required: false, synonyms: ['办理状态', '工单状态', '处理状态'] },
  { field: 'deadline', label: '办理时限', required: false, synonyms: ['办理时限', '办结期限'] },
  { field: 'finishedAt', label: '办结时间', required: false, synonyms: ['办结时间', '答复时间', '回复时间'] },
  { field: 'overdueFlag', label: '是否超期', required: false, synonyms: ['是否超期', '是否逾期'] },
  { field: 'returnCount', label: '回退次数', required: false, synonyms: ['回退次数', '退回次数', '是否退回'] },
  { field: 'orderType', label: '工单类型', required: false, synonyms: ['工单类型', '诉求类型'] },
  { field: 'satisfaction', label: '满意度', required: false, synonyms: ['满意度', '回访结果', '评价结果'] },
  { field: 'repeatOf', label: '重复工单码', required: false, synonyms: ['重复工单码', '关联工单号', '是否重复'] },
  { field: 'caller', label: '诉求人', required: false, synonyms: ['诉求人', '来电人', '反映人'], personal: true },
  { field: 'phone', label: '来电号码', required: false, synonyms: ['来电号码', '联系电话', '求助号码'], personal: true },
];

export const returnFields: readonly FieldSpec[] = [
  { field: 'orderId', label: '工单编号', required: true, synonyms: ['工单编号', '工单号', '受理编号', '流水号', '热线单号'] },
  { field: 'returnedAt', label: '回退时间', required: false, synonyms: ['回退时间', '退回时间'] },
  { field: 'unit', label: '回退单位', required: false, synonyms: ['回退单位', '退回单位', '承办单位', '责任单位'] },
  { field: 'reason', label: '回退原因', required: true, synonyms: ['回退原因', '退回原因', '回退理由', '退回理由'] },
];

export const flagFields: readonly FieldSpec[] = [
  { field: 'id', label: '编号', required: true, synonyms: ['任务号', '案件编号', '工单编号', '工单号', '编号'] },
  { field: 'flag', label: '标记', required: true, synonyms: ['标记', '标记类型', '标记内容'] },
  { field: 'group', label: '分组', required: false, synonyms: ['分组', '热难点分组', '组号'] },
];

export const fieldsByKind: Readonly<Record<SheetKind, readonly FieldSpec[]>> = {
  cases: caseFields,
  hotline: hotlineFields,
  returns: returnFields,
  flags: flagFields,
};

/** Chinese names of the sheet kinds, for messages. */
export const sheetKindLabels: Readonly<Record<SheetKind, string>> = {
  cases: '数字城管案件',
  hotline: '12345工单',
  returns: '回退记录',
  flags: '标记',
};

/** Usual sheet names of each kind: a tie-breaker when the headers alone do not decide. */
export const sheetNameHints: Readonly<Record<SheetKind, readonly string[]>> = {
  cases: ['案件', '数字城管', '案卷'],
  hotline: ['12345', '工单', '热线'],
  returns: ['回退', '退回'],
  flags: ['标记'],
};
