// Swedish texts the Excel adapter shows in the task pane.

export const PROTECTED_REASON = 'Bladet är skyddat. Resultatet visas här, men inga statusfärger skrevs.';
export const PROTECTED_CLEAR_REASON = 'Bladet är skyddat, så statusfärgerna kunde inte tas bort. Ta bort skyddet och försök igen.';
export const HIDDEN_REASON =
  'Bladet är dolt. Resultatet visas här, men bladet färgas inte och det går inte att hoppa till dess celler. Ta fram bladet (Visa) och kontrollera igen för att se färgerna.';
export const hiddenSelectMessage = (sheet: string) =>
  `Bladet ${sheet} är dolt, så det går inte att hoppa till cellen. Ta fram bladet i Excel (högerklicka på en bladflik och välj Ta fram) och försök igen.`;
