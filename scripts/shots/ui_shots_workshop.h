/* ui_shots_workshop: `ui_shots --workshop OUTDIR WxH THEME [TEXT_SCALE]`:
 * both windows of a workshop to BMP (ui_shots_workshop.c). */
#ifndef UI_SHOTS_WORKSHOP_H
#define UI_SHOTS_WORKSHOP_H

int shots_workshop(int argc, char **argv);

#endif
