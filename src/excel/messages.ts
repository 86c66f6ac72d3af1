// Swedish texts the Excel adapter shows in the task pane.

export const PROTECTED_REASON = 'Bladet är skyddat. Resultatet visas här, men inga statusfärger skrevs.';
export const PROTECTED_CLEAR_REASON = 'Bladet är skyddat, så statusfärgerna kunde inte tas bort. Ta bort skyddet och försök igen.';
