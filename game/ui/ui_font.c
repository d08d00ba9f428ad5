#include "ui/ui_font.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define FONT_PACKAGE "fonts-dejavu-core"

bh_status ui_font_find(const char *override, const char *family, char *out, size_t n,
                       bh_err *err)
{
    struct stat sb;
    if (override) {
        if (stat(override, &sb) != 0 || !S_ISREG(sb.st_mode))
            return err_set(err, BH_EIO, override, 0,
                           "--font: no such font file (give the path of a .ttf or .otf file)");
        snprintf(out, n, "%s", override);
        return BH_OK;
    }
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    FcPattern *pat = cfg ? FcNameParse((const FcChar8 *)family) : NULL;
    bh_status st = BH_EIO;
    if (pat) {
        FcConfigSubstitute(cfg, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        FcPattern *match = FcFontMatch(cfg, pat, &res);
        FcChar8 *file = NULL;
        if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file &&
            stat((const char *)file, &sb) == 0) {
            snprintf(out, n, "%s", (const char *)file);
            st = BH_OK;
        }
        if (match)
            FcPatternDestroy(match);
        FcPatternDestroy(pat);
    }
    if (cfg)
        FcConfigDestroy(cfg);
    if (st != BH_OK)
        return err_set(err, BH_EIO, "", 0,
                       "no usable font found through fontconfig: install one "
                       "(sudo apt-get install " FONT_PACKAGE ") or pass --font FILE.ttf");
    return BH_OK;
}

bh_status ui_font_open(ui_font *f, const char *path, bh_err *err)
{
    memset(f, 0, sizeof *f);
    snprintf(f->path, sizeof f->path, "%s", path);
    /* Open one size now, so a file that is not a font fails here, at
     * start-up, with its name, rather than in the middle of a frame. */
    return ui_font_at(f, 16, err) ? BH_OK : err->status;
}

TTF_Font *ui_font_at(ui_font *f, int px, bh_err *err)
{
    for (int i = 0; i < f->nsizes; i++)
        if (f->sizes[i].px == px)
            return f->sizes[i].font;
    TTF_Font *font = TTF_OpenFont(f->path, px);
    if (!font) {
        err_set(err, BH_EIO, f->path, 0, "cannot open the font: %s", TTF_GetError());
        return NULL;
    }
    if (f->nsizes == UI_FONT_SIZES) {
        /* Layouts use a handful of sizes; when they change (text scale),
         * drop the oldest. */
        TTF_CloseFont(f->sizes[0].font);
        memmove(&f->sizes[0], &f->sizes[1], sizeof f->sizes[0] * (UI_FONT_SIZES - 1));
        f->nsizes--;
    }
    f->sizes[f->nsizes].px = px;
    f->sizes[f->nsizes].font = font;
    f->nsizes++;
    return font;
}

void ui_font_close(ui_font *f)
{
    for (int i = 0; i < f->nsizes; i++)
        TTF_CloseFont(f->sizes[i].font);
    f->nsizes = 0;
}
