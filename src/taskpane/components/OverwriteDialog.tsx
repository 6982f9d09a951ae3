/**
 * Asks before a build overwrites report sheets the clerk edited by hand: 覆盖 writes, 取消 leaves the
 * workbook as it is.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useStrings } from '../i18n.ts';

export interface OverwriteDialogProps {
  /** The edited sheets; the dialog is open while this is non-empty. */
  readonly sheets: readonly string[];
  readonly onOverwrite: () => void;
  readonly onCancel: () => void;
}

export function OverwriteDialog({ sheets, onOverwrite, onCancel }: OverwriteDialogProps) {
  const strings = useStrings();
  return (
    <Dialog
      open={sheets.length > 0}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.overwriteTitle}</DialogTitle>
          <DialogContent>{strings.overwriteBody(sheets.join(strings.listSeparator))}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onOverwrite}>{strings.overwrite}</Button>
            <Button appearance="secondary" onClick={onCancel}>{strings.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
