/** Sizes on the timeline, in pixels: the device column, the axis, a department's heading and a lane's bars. */
export const LABEL_WIDTH = 176;
export const AXIS_HEIGHT = 48;
export const DEPARTMENT_HEIGHT = 34;
export const LANE_PADDING = 6;
export const BAR_HEIGHT = 40;
export const BAR_GAP = 4;
export const laneHeight = (tracks: number) =>
  2 * LANE_PADDING + tracks * BAR_HEIGHT + (Math.max(tracks, 1) - 1) * BAR_GAP;
