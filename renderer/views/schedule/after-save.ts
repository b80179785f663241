import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { conflictSentence, useScheduleStore, windowTitle } from '../../stores/schedule';
import { dateOfIso } from './time';

/** After a save: the timeline goes to the window, selects it and says what happened. */
export function afterSave(saved: PlannedWindow, verb: string) {
  const store = useScheduleStore.getState();
  store.closeForm();
  store.goTo(dateOfIso(saved.start, saved.timeZone));
  store.select(saved.id, true);
  store.say(`${windowTitle(saved)} ${verb}. ${conflictSentence(saved)}`);
}
