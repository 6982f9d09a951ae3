/**
 * The header glossary: for each sheet kind, the fields the core reads and the header texts (中文表头)
 * that name them in the exports of different systems. Data, not logic: `detect-header.ts` matches it.
 * Synonyms are listed in order of preference: when two columns match one field, the earlier synonym
 * wins (捆绑处置截止时间 before 处置截止时间).
 *
 * Synonyms come from the export families seen in the field (eGova-style 24-column exports, 网格化/城运
 * grid exports, 12345 接诉即办 exports …), but a platform nobody here has seen will name columns its own
 * way, so a field may also carry a general header rule (`pattern`, tried after every synonym): a time
 * column whose name says what happened (…受理…时间), a 截止/截至/时限 column as the deadline, a 超期/超时
 * column as the overdue flag. Columns whose names say nothing are recognised by their values
 * (`recognize-values.ts`).
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
  /** General header rule, tried after every synonym of every field: a normalised header it matches names the field… */
  readonly pattern?: RegExp;
  /** …unless it also matches this. */
  readonly exclude?: RegExp;
}

/** Whether a sheet whose matched fields are `matched` has `spec` (itself, or one of its alternatives). */
export function hasField(spec: FieldSpec, matched: ReadonlySet<string>): boolean {
  return matched.has(spec.field) || (spec.alternatives ?? []).some((field) => matched.has(field));
}

/** Time words a header ends with: 时间, 日期, 时刻. */
const timeEnd = '(?:时间|日期|时刻)$';
const rule = (body: string) => new RegExp(body);

export const caseFields: readonly FieldSpec[] = [
  { field: 'caseId', label: '案件编号', required: true, synonyms: ['任务号', '案件编号', '案件号', '案卷编号', '事件编号', '工单号', '编号'], pattern: /(任务|案件|案卷|事件)(编号|号|id)$/i },
  { field: 'source', label: '问题来源', required: true, synonyms: ['问题来源', '案件来源', '事件来源', '来源', '上报渠道', '上报方式'], pattern: /(来源|渠道)$/ },
  { field: 'reportedAt', label: '上报时间', required: true, synonyms: ['上报时间', '发现时间', '创建时间', '登记时间', '采集时间'], pattern: rule(`(上报|发现|登记|创建|采集|立单|发生)${timeEnd}`) },
  { field: 'stage', label: '当前阶段', required: true, synonyms: ['当前阶段', '案件状态', '问题状态', '办理状态', '当前环节', '案卷状态', '处理状态', '状态'], pattern: /(阶段|环节|状态)$/, exclude: /(回访|评价|处置状态码)/ },
  {
    field: 'unit',
    label: '处置部门',
    required: true,
    synonyms: ['处置部门', '处置单位', '责任单位', '专业部门', '承办单位', '责任部门', '二级部门', '首处置单位', '处理部门', '处理单位'],
    alternatives: ['unitLevel1', 'unitLevel2'],
    pattern: /(处置|责任|承办|处理|办理|主办)(部门|单位|科室)$/,
    exclude: /(上报|发现|采集|监督|督办)/,
  },
  // Some systems export the unit as two columns (一级单位/二级单位, 主责部门/三级主责部门); the two are read
  // together as one spelling.
  { field: 'unitLevel1', label: '一级单位', required: false, synonyms: ['一级单位', '一级部门', '所属单位', '主责部门', '主责单位', '一级责任单位'] },
  { field: 'unitLevel2', label: '二级单位', required: false, synonyms: ['二级单位', '处置二级单位', '三级主责部门', '二级主责部门', '二级责任单位', '三级部门', '二级部门名称'] },
  { field: 'kind', label: '问题类型', required: false, synonyms: ['问题类型', '案件类型'] },
  { field: 'mainType', label: '大类', required: false, synonyms: ['大类', '问题大类', '案件大类', '事件大类', '部件大类'], pattern: /大类$/ },
  { field: 'subType', label: '小类', required: false, synonyms: ['小类', '问题小类', '案件小类', '细类', '事件小类', '部件小类'], pattern: /小类$/ },
  { field: 'description', label: '问题描述', required: false, synonyms: ['问题描述', '案件描述', '事件描述', '案情描述', '诉求描述', '描述', '诉求标题', '案件标题'] },
  { field: 'address', label: '地址描述', required: false, synonyms: ['地址描述', '发生地址', '事发地址', '问题地址', '位置描述', '详细地址', '地址'], pattern: /(地址|地点|位置)(描述)?$/ },
  { field: 'district', label: '所属区域', required: false, synonyms: ['所属区域', '区县', '所属区县', '所属片区', '区域'] },
  { field: 'street', label: '所属街道', required: false, synonyms: ['所属街道', '街道', '街镇', '街乡镇', '所属街镇'] },
  { field: 'community', label: '所属社区', required: false, synonyms: ['所属社区', '社区', '居村', '村居', '村/社区'] },
  { field: 'acceptedAt', label: '受理时间', required: false, synonyms: ['受理时间'], pattern: rule(`受理${timeEnd}`), exclude: /截止|截至|时限|期限/ },
  { field: 'filedAt', label: '立案时间', required: false, synonyms: ['立案时间'], pattern: rule(`立案${timeEnd}`), exclude: /截止|截至|时限|期限/ },
  { field: 'dispatchedAt', label: '派遣时间', required: false, synonyms: ['派遣时间', '派发时间', '派单时间'], pattern: rule(`(派遣|派发|派单|分派|转派)${timeEnd}`), exclude: /截止|截至|时限|期限/ },
  {
    field: 'deadline',
    label: '处置截止时间',
    required: false,
    synonyms: ['捆绑处置截止时间', '处置截止时间', '处理截止时间', '处理截至时间', '处置截至时间', '截止时间', '规定完成时间', '应处置时间', '处置时限'],
    pattern: /(截止|截至|时限|期限|到期)/,
    exclude: /(受理|立案|派遣|核查|核实|结案|延期|回访|签收)/,
  },
  {
    field: 'disposedAt',
    label: '处置完成时间',
    required: false,
    synonyms: ['处置完成时间', '处置结束时间', '处理完成时间', '反馈时间', '处置时间', '处理时间', '处置反馈时间'],
    pattern: rule(`(处置|处理|办理|整改)(完成|结束|反馈|完毕)?${timeEnd}`),
    exclude: /截止|截至|时限|期限|开始/,
  },
  { field: 'closedAt', label: '结案时间', required: false, synonyms: ['结案时间', '归档时间', '办结时间'], pattern: rule(`(结案|办结|归档|完结|关闭)${timeEnd}`), exclude: /截止|截至|时限|期限/ },
  { field: 'overdueFlag', label: '是否超期', required: false, synonyms: ['是否超期', '是否超时', '超期标志', '处置超时', '处理超时', '是否逾期'], pattern: /(超期|超时|逾期)/, exclude: /(次数|天数|时长|原因|理由|时间)/ },
  { field: 'onTimeFlag', label: '是否按期', required: false, synonyms: ['是否按期', '是否按时'], pattern: /(按期|按时)/, exclude: /(率|数)$/ },
  { field: 'selfDisposed', label: '是否自行处置', required: false, synonyms: ['是否自行处置', '是否网格自治', '是否自处置', '处置方式'], pattern: /(自行处置|自处置|自治)/ },
  { field: 'reworkCount', label: '返工次数', required: false, synonyms: ['返工次数', '是否返工', '返工案件'], pattern: /返工/, exclude: /(原因|理由|时间)/ },
  { field: 'postponeCount', label: '延期次数', required: false, synonyms: ['延期次数', '是否延期', '延期案件'], pattern: /延期/, exclude: /(原因|理由|时间|截止|截至|天数)/ },
  { field: 'pointType', label: '点位类型', required: false, synonyms: ['点位类型', '点位'] },
  // Citizens' names and numbers inside a cases export (grid systems carry the caller of a hotline case):
  // never copied; read only to mask them in free text.
  { field: 'caller', label: '诉求联系人', required: false, synonyms: ['诉求联系人', '诉求人', '来电人', '反映人', '联系人'], personal: true, pattern: /(联系人|来电人|诉求人|反映人|投诉人|举报人|求助人)(姓名)?$/ },
  { field: 'phone', label: '来电号码', required: false, synonyms: ['来电号码', '联系电话', '诉求人电话', '联系方式'], personal: true, pattern: /(电话|手机|号码|账号)/, exclude: /(任务|工单|案件|案卷|编号)/ },
  { field: 'phone2', label: '联系电话', required: false, synonyms: ['联系电话', '手机号码', '手机'], personal: true, pattern: /(电话|手机|号码)/, exclude: /(任务|工单|案件|案卷|编号)/ },
  { field: 'staff', label: '监督员姓名', required: false, synonyms: ['监督员姓名', '监督员', '采集员', '上报人'], personal: true },
];

export const hotlineFields: readonly FieldSpec[] = [
  { field: 'orderId', label: '工单编号', required: true, synonyms: ['工单编号', '工单号', '受理编号', '流水号', '热线单号'], pattern: /(工单|热线|诉求)(编号|号)$/ },
  { field: 'receivedAt', label: '受理时间', required: true, synonyms: ['受理时间', '来电时间', '登记时间', '交办时间', '派单时间', '市交办时间', '创建时间', '诉求时间'], pattern: rule(`(受理|来电|登记|交办|派单|创建|接收|诉求|转办)${timeEnd}`), exclude: /截止|截至|时限|期限/ },
  { field: 'unit', label: '承办单位', required: true, synonyms: ['承办单位', '主办单位', '办理单位', '责任单位', '处置单位', '承办部门', '主办部门'], pattern: /(承办|主办|办理|责任|处置)(单位|部门)$/ },
  { field: 'category', label: '诉求分类', required: true, synonyms: ['诉求分类', '问题分类', '业务分类', '事项分类', '一级分类', '诉求类别', '问题类别'], pattern: /(分类|类别)$/, exclude: /(二级|三级|四级|五级|工单)/ },
  { field: 'category2', label: '二级分类', required: false, synonyms: ['二级分类'] },
  { field: 'category3', label: '三级分类', required: false, synonyms: ['三级分类'] },
  { field: 'category4', label: '四级分类', required: false, synonyms: ['四级分类'] },
  { field: 'category5', label: '五级分类', required: false, synonyms: ['五级分类'] },
  { field: 'content', label: '诉求内容', required: false, synonyms: ['诉求内容', '主要内容', '内容描述', '问题描述', '来电内容', '诉求详情', '工单内容', '工单标题', '标题'] },
  { field: 'address', label: '诉求地址', required: false, synonyms: ['诉求地址', '事发地址', '事件发生地', '诉求详细地址', '发生地址', '详细地址'] },
  { field: 'district', label: '被反映区', required: false, synonyms: ['被反映区', '所属区', '区县', '所属区县'] },
  { field: 'street', label: '被反映街乡镇', required: false, synonyms: ['被反映街乡镇', '街乡镇', '所属街道', '街道', '街镇'] },
  { field: 'community', label: '村/社区', required: false, synonyms: ['村/社区', '社区', '所属社区', '居村'] },
  { field: 'point', label: '小区点位', required: false, synonyms: ['小区点位', '小区', '点位'] },
  { field: 'status', label: '办理状态', required: false, synonyms: ['办理状态', '工单状态', '处理状态'], pattern: /状态$/, exclude: /(回访|评价)/ },
  { field: 'deadline', label: '办理时限', required: false, synonyms: ['办理时限', '办结期限', '办理截止时间', '截止时间'], pattern: /(时限|期限|截止|截至)/ },
  { field: 'finishedAt', label: '办结时间', required: false, synonyms: ['办结时间', '答复时间', '回复时间'], pattern: rule(`(办结|答复|回复|完成|结案)${timeEnd}`), exclude: /截止|截至|时限|期限/ },
  { field: 'overdueFlag', label: '是否超期', required: false, synonyms: ['是否超期', '是否逾期', '是否超时'], pattern: /(超期|超时|逾期)/, exclude: /(次数|天数|时长|原因|时间)/ },
  { field: 'returnCount', label: '回退次数', required: false, synonyms: ['回退次数', '退回次数', '是否退回', '是否回退'] },
  { field: 'orderType', label: '工单类型', required: false, synonyms: ['工单类型', '诉求类型'] },
  // 主办/协办/转办: a 协办 row is another unit's order that this unit assists with; it is not counted.
  { field: 'orderRole', label: '工单性质', required: false, synonyms: ['工单性质', '办理性质', '承办性质', '主协办'] },
  { field: 'satisfaction', label: '满意度', required: false, synonyms: ['满意度', '回访结果', '评价结果', '是否满意'] },
  { field: 'solved', label: '是否解决', required: false, synonyms: ['是否解决', '解决情况'] },
  { field: 'repeatOf', label: '重复工单码', required: false, synonyms: ['重复工单码', '关联工单号', '是否重复'] },
  { field: 'caller', label: '诉求人', required: false, synonyms: ['诉求人', '来电人', '反映人', '来电人姓名', '诉求联系人'], personal: true, pattern: /(来电人|诉求人|反映人|联系人|投诉人|求助人)(姓名)?$/ },
  { field: 'phone', label: '来电号码', required: false, synonyms: ['来电号码', '联系电话', '求助号码', '来电人电话/账号', '来电人电话'], personal: true, pattern: /(电话|手机|号码|账号)/, exclude: /(工单|编号)/ },
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
