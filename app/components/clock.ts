// The newsroom's clock for components: dates and times in the newsroom's time zone (from the root loader)
// and the interface language, identical in the server render and in the browser (decision 0012).
import { useTranslation } from "react-i18next";
import { useRootData } from "~/components/root-data";
import { type Clock, newsroomClock } from "~/newsroom/clock";

export function useNewsroomClock(): Clock {
  const { i18n } = useTranslation();
  const timeZone = useRootData()?.newsroom.timeZone ?? "UTC";
  return newsroomClock(timeZone, i18n.language);
}
