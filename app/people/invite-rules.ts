/** How long an invitation link stays valid. */
export const inviteValidDays = 7;
