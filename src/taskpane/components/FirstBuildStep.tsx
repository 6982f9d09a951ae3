/**
 * What a first build will write as settings, shown before it writes: when the workbook has no 月报设置,
 * the units, counties and sources the core learned from the data (or the preset the data matches),
 * a choice between learning and a preset, and a button that writes the proposed settings sheet and
 * opens it so the clerk can check and correct it before building. No statistics here: the core's
 * inspection says what was learned.
 */
import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { settingsPresets } from '../../core/index.ts';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import { StepSection } from './StepSection.tsx';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  toggle: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  button: { alignSelf: 'flex-start' },
});

export function FirstBuildStep({ flow }: { readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  const [showNames, setShowNames] = useState(false);
  const learned = flow.inspection?.learned ?? null;
  if (flow.inspection === null || flow.inspection.settingsFound || flow.inspection.carriedOver || learned === null) return null;
  const options = [{ value: '', text: strings.learnOption }, ...settingsPresets.map((preset) => ({ value: preset.id, text: strings.presetOption(preset.name) }))];
  const selected = options.find((option) => option.value === flow.preset) ?? options[0];
  const groups = [
    { label: strings.cityUnitsLabel, names: learned.cityUnits },
    { label: strings.countiesLabel, names: learned.counties },
    { label: strings.otherUnitsLabel, names: learned.otherUnits },
    { label: strings.sourcesLabel, names: learned.sources },
  ].filter((group) => group.names.length > 0);
  return (
    <StepSection title={strings.firstBuildTitle}>
      <div data-testid="first-build" data-kind={learned.kind}>
        <Text block>{learned.kind === 'preset' ? strings.firstBuildPreset(learned.presetName ?? '', Math.round(learned.unitCoverage * 100)) : strings.firstBuildLearned}</Text>
        {learned.kind === 'learned' && (
          <Text block data-testid="learned-counts">
            {strings.learnedCounts(learned.cityUnits.length + learned.counties.length + learned.otherUnits.length, learned.counties.length, learned.secondLevelUnits)}
            {strings.learnedSources(learned.sources.length)}
          </Text>
        )}
      </div>
      {learned.kind === 'learned' && groups.length > 0 && (
        <>
          <Button size="small" appearance="transparent" className={styles.toggle} aria-expanded={showNames} onClick={() => setShowNames(!showNames)}>
            {showNames ? strings.hideLearned : strings.showLearned}
          </Button>
          {showNames && (
            <ul className={styles.list} data-testid="learned-names">
              {groups.map((group) => (
                <li key={group.label}>{strings.learnedGroup(group.label, group.names.join(strings.listSeparator))}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <Field label={strings.settingsBasisLabel}>
        <Dropdown
          className={styles.dropdown}
          value={selected.text}
          selectedOptions={[selected.value]}
          disabled={flow.phase !== null || flow.inspecting}
          onOptionSelect={(_, data) => flow.setPreset(data.optionValue ?? '')}
          data-testid="settings-basis"
        >
          {options.map((option) => (
            <Option key={option.value || 'learn'} value={option.value}>{option.text}</Option>
          ))}
        </Dropdown>
      </Field>
      <Text size={200} className={styles.hint}>{strings.firstBuildHint}</Text>
      <Button className={styles.button} onClick={() => void flow.openSettings()} disabled={flow.phase !== null}>
        {strings.reviewSettings}
      </Button>
    </StepSection>
  );
}
