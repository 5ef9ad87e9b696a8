import { ContainerModule } from 'inversify';
import { BusinessCalendarSettings } from './business-calendar-settings.js';

export { BusinessCalendarSettings } from './business-calendar-settings.js';
export { acceptanceDeadline, businessTimeLeft } from './business-hours.js';
export { deadlineLevel, nextLevelChangeAt } from './time-left.js';

/**
 * The acceptance deadline's arithmetic and the settings it is counted from: not part of what
 * activation loads; loaded when there is an order to count a deadline for (the warnings) or the screen opens.
 */
export const deadlineModule = new ContainerModule(({ bind }) => {
  // Holds a settings subscription: undone when deactivate() unbinds the container.
  bind(BusinessCalendarSettings).toSelf().inSingletonScope().onDeactivation((settings) => settings.dispose());
});
