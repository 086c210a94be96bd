import { Bell, Menu } from "lucide-react";

// Apart from the popover and the sheet: their triggers are on screen from the first paint,
// while the SPA loads the overlays themselves on their first opening.

/** The bell glyph (decorative: the button carries the name). */
export const BellIcon = () => <Bell className="size-4" aria-hidden />;

/** The "menu" glyph for a sheet's trigger (decorative: the button carries the name). */
export const MenuIcon = () => <Menu className="size-5" aria-hidden />;
