// What the save-view forms hold a name to. Apart from lib/views/schemas.ts so the client
// dialogs read it without bringing zod into the browser.
export const VIEW_NAME_MAX = 60;
