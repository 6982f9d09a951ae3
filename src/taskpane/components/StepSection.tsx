/**
 * One numbered step of the pane: a titled region (h2), so screen readers can jump between steps.
 */
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
});

export interface StepSectionProps {
  readonly title: string;
  /** Controls shown at the right of the title (e.g. 重新读取). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

export function StepSection({ title, actions, children }: StepSectionProps) {
  const styles = useStyles();
  const titleId = useId('step-title');
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.header}>
        <h2 id={titleId} className={styles.title}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
