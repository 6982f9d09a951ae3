/**
 * Step 4, 结果: the summary lines, the sheets written (links that show them), the reconciliation
 * checks (✓ / ✗ each, with the figures compared) and the warnings.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import type { BuildReply } from '../worker/compute.ts';
import { StepSection } from './StepSection.tsx';
import { WarningList } from './WarningList.tsx';

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  summary: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  check: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2, gridColumnStart: 2 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export function ResultStep({ flow, result }: { readonly flow: ReportFlow; readonly result: BuildReply }) {
  const strings = useStrings();
  const styles = useStyles();
  const written = new Set(result.visibleSheetNames);
  const rawSheets = new Set(flow.inspection?.sheets.map((sheet) => sheet.sheet) ?? []);
  return (
    <StepSection title={strings.resultTitle}>
      <div className={styles.summary} data-testid="result-summary">
        {result.summary.map((line, index) => (
          <Text key={index} size={200}>{line}</Text>
        ))}
      </div>

      <h3 className={styles.subheading}>{strings.writtenSheets}</h3>
      <ul className={styles.list} data-testid="written-sheets">
        {result.visibleSheetNames.map((name) => (
          <li key={name}>
            <Link onClick={() => void flow.showSheet(name)}>{name}</Link>
          </li>
        ))}
      </ul>

      <h3 className={styles.subheading}>{strings.reconciliation}</h3>
      <ul className={styles.list} data-testid="reconciliation">
        {result.reconciliation.map((check) => (
          <li key={check.name} className={styles.check} data-ok={check.ok}>
            <span className={check.ok ? styles.ok : styles.failed} aria-hidden="true">{check.ok ? '✓' : '✗'}</span>
            <Text size={200}>
              {check.name}
              <span className={styles.visuallyHidden}>{`（${check.ok ? strings.checkOk : strings.checkFailed}）`}</span>
            </Text>
            <Text size={200} className={styles.detail}>{check.detail}</Text>
          </li>
        ))}
      </ul>

      <h3 className={styles.subheading}>{strings.warnings(result.warnings.length)}</h3>
      <WarningList
        warnings={result.warnings}
        sheetsToLink={new Set([...written, ...rawSheets])}
        onSelectRows={(sheet, rows) => void flow.showRows(sheet, rows)}
        onShowSheet={(sheet) => void flow.showSheet(sheet)}
      />
    </StepSection>
  );
}
