"""The report's words, French and English, and its numbers written as each language writes them."""

from __future__ import annotations

from ...core import wording

TEXT = {
    "fr": {
        "title": "Diagnostic de la commune {of_name}",
        "subtitle": "Surchauffe urbaine et mouvements du sol vus de l'espace — INSEE {insee}",
        "made": "Rapport produit le {date} avec Territoire {version}, extension libre de QGIS.",
        "key": "En bref",
        "measured": "Ce qui a été mesuré",
        "maps": {"lst": "Température de surface en été (médiane)",
                 "islands": "Îlots de chaleur et points chauds",
                 "exposure": "Bâtiments et sites sensibles exposés à la chaleur",
                 "motion": "Mouvements du sol : ouvrages en alerte",
                 "clay": "Argiles : bâtiments qui bougent avec les sécheresses"},
        "charts": "Graphiques",
        "tables": "Tableaux",
        "caveats": "Précautions de lecture",
        "sources": "Sources : {sources}. Fond : {basemap}.",
        "basemap": {"official": "Plan IGN v2 © IGN (Géoplateforme)",
                    "other": "tuiles de {host} (copie du Plan IGN ou fond de démonstration)",
                    "none": "contour de la commune seul : le Plan IGN n'a pas pu être chargé (hors ligne ?)"},
        "inset_motion": "Zoom sur le secteur qui compte le plus d'ouvrages en alerte ({count})",
        "inset_heat": "Zoom sur le site sensible le plus chaud : {site}",
        "inset_clay": "Zoom sur le secteur qui compte le plus de bâtiments à inspecter ({count})",
        "no_clay": "Pas d'analyse du retrait-gonflement des argiles (pas de fichier EGMS, ou Géorisques injoignable).",
        "chart_clay": ("Mouvement saisonnier des bâtiments les plus concernés", "Date de la mesure",
                       "Déplacement (mm)"),
        "chart_catnat": ("Arrêtés de catastrophe naturelle de la commune", "Année de l'événement"),
        "drought": "Sécheresse", "other_peril": "Autre péril",
        "table_clay": ["Bâtiment (adresse)", "Exposition", "Amplitude saisonnière (mm)", "Été sec (mm)", "Classe"],
        "exposure_classes": ["non classée", "faible", "moyenne", "forte"],
        "no_addresses": "Adresses indisponibles (géocodeur de l'IGN injoignable) : les ouvrages sont désignés par "
                        "leur identifiant BD TOPO.",
        "legend": "Légende",
        "no_heat": "Pas d'analyse de la surchauffe (aucune scène Landsat d'été exploitable ou analyse non demandée).",
        "no_motion": "Pas d'analyse des mouvements du sol (pas de fichier EGMS ou analyse non demandée).",
        "chart_lst": ("Répartition de la température de surface", "Température de surface (°C)",
                      "Part de la commune"),
        "chart_sites": ("Sites sensibles les plus chauds", "Température de surface moyenne (°C)"),
        "chart_alerts": ("Ouvrages par classe de mouvement", "Nombre d'ouvrages"),
        "chart_series": ("Déplacement des ouvrages les plus préoccupants", "Date de la mesure",
                         "Déplacement (mm)"),
        "classes": ["données insuffisantes", "stable", "à surveiller", "alerte"],
        "table_sites": ["Site sensible", "Pourquoi", "Adresse", "T. moyenne (°C)", "T. max (°C)"],
        "table_titles": {"sites_all": "Les sites sensibles, du plus chaud au plus frais",
                         "sites_cut": "Les {shown} sites sensibles les plus chauds sur {total}",
                         "alerts_all": "Les ouvrages en alerte, du plus rapide au plus lent",
                         "alerts_cut": "Les {shown} ouvrages les plus préoccupants sur {total} en alerte",
                         "clay_all": "Les bâtiments à inspecter pour les argiles, du plus concerné au moins concerné",
                         "clay_cut": "Les {shown} bâtiments les plus concernés sur {total} à inspecter pour les "
                                     "argiles"},
        "table_alerts": ["Ouvrage (adresse)", "Type", "Points", "Vitesse médiane (mm/an)", "Classe"],
        "kinds": {"mouvement_batiment": "bâtiment", "mouvement_troncon_de_route": "route",
                  "mouvement_troncon_de_voie_ferree": "voie ferrée", "mouvement_pont": "pont",
                  "mouvement_pont_surface": "tablier de pont"},
        "summary": {
            "lst": "Température de surface médiane {period} : {median} (10 % de la commune au-dessus de {p90}), "
                   "d'après {scenes}.",
            "islands": "{count} ; le plus étendu : {area} ha, {intensity} °C en moyenne par rapport à la "
                       "campagne voisine.",
            "sensitive": "{count} (santé, enseignement, petite enfance, personnes âgées) dans la commune ; le plus "
                         "chaud : {site} ({lst}).",
            "motion": "{alerts} en alerte et {watch} à surveiller, d'après {points}.",
            "clay": "Argiles : {inspect} à inspecter et {watch} à surveiller ; {droughts} dans la commune{last}.",
            "clay_last": ", le dernier pour l'été {year}",
            "period_one": "de l'été {last}",
            "period_many": "des étés {first} à {last}",
        },
        "nouns": {"scene": ("scène Landsat", "scènes Landsat"), "island": ("îlot de chaleur", "îlots de chaleur"),
                  "sensitive": ("bâtiment sensible", "bâtiments sensibles"), "asset": ("ouvrage", "ouvrages"),
                  "point": ("point EGMS", "points EGMS"), "building": ("bâtiment", "bâtiments"),
                  "drought_decree": ("arrêté de catastrophe naturelle sécheresse",
                                     "arrêtés de catastrophe naturelle sécheresse")},
        "sources_rows": [
            ("Limites communales", "API Géo (Etalab) / IGN ADMIN EXPRESS", "Licence Ouverte 2.0"),
            ("Bâtiments, routes, voies ferrées, ponts, ERP", "IGN BD TOPO® (Géoplateforme)", "Licence Ouverte 2.0"),
            ("Température de surface, NDVI", "Landsat 8/9 Collection 2 niveau 2 (USGS/NASA)", "domaine public"),
            ("Mouvements du sol", "EGMS, Copernicus Land Monitoring Service", "accès libre et gratuit, "
             "citer Copernicus"),
            ("Population (carreaux de 200 m)", "INSEE Filosofi", "Licence Ouverte 2.0"),
            ("Fond de plan des cartes", "Plan IGN v2 (IGN, Géoplateforme)", "Licence Ouverte 2.0"),
            ("Adresses des tableaux", "Base Adresse Nationale (géocodeur de la Géoplateforme IGN)",
             "Licence Ouverte 2.0"),
        ],
        "view3d": {
            "title": "Vue 3D de la commune",
            "themes": {"heat": "exposition à la chaleur", "motion": "mouvements du sol",
                       "clay": "argiles (retrait-gonflement)", "buildings": "bâtiments de la BD TOPO"},
            "theme": "Les bâtiments à leur hauteur, colorés selon le thème « {theme} », avec les classes et les "
                     "couleurs des cartes (légende ci-dessous).",
            "heights": "Hauteurs des {count} : {measured} mesurées par l'IGN (BD TOPO), {storeys} d'après le nombre "
                       "d'étages (3 m par étage), {default} sans l'un ni l'autre, montrées sur un étage (3 m).",
            "relief": "Relief : IGN au pas de 5 m, LiDAR HD là où il est publié, RGE ALTI ailleurs ; les routes et "
                      "le contour de la commune sont posés dessus.",
            "flat": "Relief : le service de l'IGN n'a pas répondu ; le terrain est montré plat, à {altitude} m "
                    "(altitude médiane du pied des bâtiments).",
            "trees": "Arbres : modèle numérique de hauteur LiDAR HD de l'IGN, à partir de 3 m, en trois classes de "
                     "hauteur.",
            "trees_mixed": "Arbres : modèle numérique de hauteur LiDAR HD de l'IGN, à partir de 3 m, en trois classes "
                           "de hauteur ; là où il n'est pas encore publié, zones de végétation de la BD TOPO à une "
                           "hauteur convenue selon leur nature (forêt fermée 15 m, bois 12 m, forêt ouverte 10 m, "
                           "haie 6 m, verger 4 m), qui n'est pas une mesure.",
            "trees_bdtopo": "Arbres : zones de végétation de la BD TOPO à une hauteur convenue selon leur nature "
                            "(forêt fermée 15 m, bois 12 m, forêt ouverte 10 m, haie 6 m, verger 4 m), qui n'est pas "
                            "une mesure : le modèle de hauteur LiDAR HD de l'IGN n'a pas pu être chargé.",
            "no_trees": "Arbres : ni le modèle de hauteur LiDAR HD de l'IGN ni les zones de végétation de la BD TOPO "
                        "n'ont pu être chargés.",
            "camera": "Vue oblique depuis le sud, nord en haut. La vue 3D est enregistrée dans le projet QGIS de la "
                      "commune : elle s'ouvre avec lui, et l'on peut y tourner autour des bâtiments.",
            "legend": "Couleur des bâtiments",
            "sources": "Sources : {sources}.",
            "theme_sources": {"heat": "Landsat 8/9 (USGS)", "motion": "EGMS (Copernicus)",
                              "clay": "BRGM Géorisques, EGMS (Copernicus)"},
        },
        "sources_head": ["Donnée", "Producteur", "Licence"],
        "dates": "Scènes Landsat utilisées : {scenes}. Fichier EGMS : {egms}. Données téléchargées le {date}.",
        "caveat_text": [
            "La température mesurée par satellite est celle de la surface (toits, chaussées, sols, végétation), "
            "de jour, vers 10 h 30 heure solaire, par temps clair : ce n'est pas la température de l'air ressentie "
            "dans la rue, ni celle de la nuit, quand l'îlot de chaleur est le plus marqué.",
            "Le pixel thermique Landsat mesure 100 m, rééchantillonné à 30 m : un petit bâtiment prend la "
            "température de son voisinage. La médiane de plusieurs étés atténue la météo d'un jour.",
            "Les mouvements du sol EGMS sont mesurés le long de la ligne de visée du satellite, relativement à des "
            "points de référence : une vitesse de quelques mm/an est proche de la précision (environ 1 mm/an). "
            "Une alerte invite à une inspection, elle ne prouve pas un désordre.",
            "Il n'y a pas de mesure sur la végétation, l'eau ou les chantiers récents : un ouvrage sans point est "
            "classé « données insuffisantes ». Les sites sensibles viennent de la BD TOPO (ERP) et peuvent être "
            "incomplets.",
        ],
    },
    "en": {
        "title": "Diagnostic of {of_name}",
        "subtitle": "Urban overheating and ground motion seen from space — INSEE {insee}",
        "made": "Report made on {date} with Territoire {version}, a free QGIS plugin.",
        "key": "Key figures",
        "measured": "What was measured",
        "maps": {"lst": "Summer surface temperature (median)", "islands": "Heat islands and hot spots",
                 "exposure": "Buildings and sensitive sites exposed to heat",
                 "motion": "Ground motion: assets on alert",
                 "clay": "Clay: buildings moving with the droughts"},
        "charts": "Charts",
        "tables": "Tables",
        "caveats": "Read with care",
        "sources": "Sources: {sources}. Basemap: {basemap}.",
        "basemap": {"official": "Plan IGN v2 © IGN (Géoplateforme)",
                    "other": "tiles from {host} (a copy of Plan IGN or a demonstration basemap)",
                    "none": "commune outline only: Plan IGN could not be loaded (offline?)"},
        "inset_motion": "Close-up on the area with the most assets on alert ({count})",
        "inset_heat": "Close-up on the hottest sensitive site: {site}",
        "inset_clay": "Close-up on the area with the most buildings to inspect ({count})",
        "no_clay": "No clay shrink-swell analysis (no EGMS file, or Géorisques unreachable).",
        "chart_clay": ("Seasonal motion of the most concerned buildings", "Date of the measurement",
                       "Displacement (mm)"),
        "chart_catnat": ("Natural-disaster decrees of the commune", "Year of the event"),
        "drought": "Drought", "other_peril": "Other peril",
        "table_clay": ["Building (address)", "Exposure", "Seasonal amplitude (mm)", "Dry summer (mm)", "Class"],
        "exposure_classes": ["not classified", "low", "medium", "high"],
        "no_addresses": "Addresses not available (IGN geocoder unreachable): assets are named by their BD TOPO "
                        "identifier.",
        "legend": "Legend",
        "no_heat": "No overheating analysis (no usable summer Landsat scene, or not asked for).",
        "no_motion": "No ground-motion analysis (no EGMS file, or not asked for).",
        "chart_lst": ("Distribution of surface temperature", "Surface temperature (°C)", "Share of the commune"),
        "chart_sites": ("Hottest sensitive sites", "Mean surface temperature (°C)"),
        "chart_alerts": ("Assets by ground-motion class", "Number of assets"),
        "chart_series": ("Displacement of the most worrying assets", "Date of the measurement",
                         "Displacement (mm)"),
        "classes": ["insufficient data", "stable", "watch", "alert"],
        "table_sites": ["Sensitive site", "Why", "Address", "Mean T (°C)", "Max T (°C)"],
        "table_titles": {"sites_all": "Sensitive sites, from the hottest to the coolest",
                         "sites_cut": "The {shown} hottest sensitive sites out of {total}",
                         "alerts_all": "Assets on alert, from the fastest to the slowest",
                         "alerts_cut": "The {shown} most worrying assets out of {total} on alert",
                         "clay_all": "Buildings to inspect for clay, from the most to the least concerned",
                         "clay_cut": "The {shown} most concerned buildings out of {total} to inspect for clay"},
        "table_alerts": ["Asset (address)", "Kind", "Points", "Median velocity (mm/yr)", "Class"],
        "kinds": {"mouvement_batiment": "building", "mouvement_troncon_de_route": "road",
                  "mouvement_troncon_de_voie_ferree": "railway", "mouvement_pont": "bridge",
                  "mouvement_pont_surface": "bridge deck"},
        "summary": {
            "lst": "Median surface temperature {period}: {median} (10% of the commune above {p90}), from "
                   "{scenes}.",
            "islands": "{count}; the largest: {area} ha, {intensity} °C on average above the nearby countryside.",
            "sensitive": "{count} (health, schools, childcare, elderly) in the commune; the hottest: {site} ({lst}).",
            "motion": "{alerts} on alert and {watch} to watch, from {points}.",
            "clay": "Clay: {inspect} to inspect and {watch} to watch; {droughts} in the commune{last}.",
            "clay_last": ", the last for the summer of {year}",
            "period_one": "of the summer of {last}",
            "period_many": "of the summers {first} to {last}",
        },
        "nouns": {"scene": ("Landsat scene", "Landsat scenes"), "island": ("heat island", "heat islands"),
                  "sensitive": ("sensitive building", "sensitive buildings"), "asset": ("asset", "assets"),
                  "point": ("EGMS point", "EGMS points"), "building": ("building", "buildings"),
                  "drought_decree": ("drought disaster decree", "drought disaster decrees")},
        "sources_rows": [
            ("Commune outline", "API Géo (Etalab) / IGN ADMIN EXPRESS", "Licence Ouverte 2.0"),
            ("Buildings, roads, railways, bridges, public buildings", "IGN BD TOPO® (Géoplateforme)",
             "Licence Ouverte 2.0"),
            ("Surface temperature, NDVI", "Landsat 8/9 Collection 2 Level 2 (USGS/NASA)", "public domain"),
            ("Ground motion", "EGMS, Copernicus Land Monitoring Service", "free and open, credit Copernicus"),
            ("Population (200 m grid)", "INSEE Filosofi", "Licence Ouverte 2.0"),
            ("Basemap of the maps", "Plan IGN v2 (IGN, Géoplateforme)", "Licence Ouverte 2.0"),
            ("Addresses in the tables", "Base Adresse Nationale (IGN Géoplateforme geocoder)", "Licence Ouverte 2.0"),
        ],
        "view3d": {
            "title": "The commune in 3D",
            "themes": {"heat": "heat exposure", "motion": "ground motion", "clay": "clay shrink-swell",
                       "buildings": "BD TOPO buildings"},
            "theme": "The buildings at their height, coloured by the theme \"{theme}\", with the classes and colours "
                     "of the maps (legend below).",
            "heights": "Heights of the {count}: {measured} measured by IGN (BD TOPO), {storeys} from their number of "
                       "storeys (3 m a storey), {default} with neither, shown one storey high (3 m).",
            "relief": "Relief: IGN at 5 m, LiDAR HD where published, RGE ALTI elsewhere; roads and the commune's "
                      "outline lie on it.",
            "flat": "Relief: IGN's service did not answer; the ground is shown flat, at {altitude} m (the "
                    "buildings' median ground altitude).",
            "trees": "Trees: IGN's LiDAR HD height model, from 3 m up, in three height classes.",
            "trees_mixed": "Trees: IGN's LiDAR HD height model, from 3 m up, in three height classes; where it is "
                           "not published yet, BD TOPO's vegetation zones at a height stated by their nature (closed "
                           "forest 15 m, wood 12 m, open forest 10 m, hedge 6 m, orchard 4 m), not a measurement.",
            "trees_bdtopo": "Trees: BD TOPO's vegetation zones at a height stated by their nature (closed forest 15 m, "
                            "wood 12 m, open forest 10 m, hedge 6 m, orchard 4 m), not a measurement: IGN's LiDAR HD "
                            "height model could not be had.",
            "no_trees": "Trees: neither IGN's LiDAR HD height model nor BD TOPO's vegetation zones could be had.",
            "camera": "Oblique view from the south, north up. The 3D view is saved in the commune's QGIS project: it "
                      "opens with it, and one can move around the buildings.",
            "legend": "Colour of the buildings",
            "sources": "Sources: {sources}.",
            "theme_sources": {"heat": "Landsat 8/9 (USGS)", "motion": "EGMS (Copernicus)",
                              "clay": "BRGM Géorisques, EGMS (Copernicus)"},
        },
        "sources_head": ["Data", "Producer", "Licence"],
        "dates": "Landsat scenes used: {scenes}. EGMS file: {egms}. Data downloaded on {date}.",
        "caveat_text": [
            "Satellite temperature is that of the surface (roofs, roads, ground, vegetation), by day, around 10:30 "
            "solar time, under a clear sky: not the air temperature felt in the street, nor the night's, when the "
            "heat island is strongest.",
            "Landsat's thermal pixel is 100 m, resampled to 30 m: a small building takes the temperature of its "
            "surroundings. The median of several summers dampens one day's weather.",
            "EGMS ground motion is measured along the satellite's line of sight, relative to reference points: a "
            "velocity of a few mm/yr is close to the precision (about 1 mm/yr). An alert calls for an inspection; "
            "it does not prove damage.",
            "There is no measurement on vegetation, water or recent works: an asset without points is classed "
            "\"insufficient data\". Sensitive sites come from BD TOPO (public buildings) and may be incomplete.",
        ],
    },
}


def report_language() -> str:
    from ...toolbelt.settings import Settings

    return Settings.load().report_language


def text_for(language: str) -> dict:
    """The words of ``language`` and its writing helpers: ``number``, ``celsius``, ``count`` (a noun of
    ``nouns`` with its number, singular or plural), ``of`` (« d'Olemps ») and ``typography``."""
    words = dict(TEXT.get(language, TEXT["fr"]))
    words["number"] = lambda value, decimals=1, signed=False: wording.number(value, language, decimals, signed)
    words["integer"] = lambda value: wording.integer(value, language)
    words["percent"] = lambda value, decimals=0: wording.percent(value, language, decimals)
    words["language"] = language if language in TEXT else "fr"
    words["celsius"] = lambda value, decimals=1: wording.celsius(value, language, decimals)
    words["count"] = lambda value, noun: wording.count(value, *words["nouns"][noun], language)
    words["of"] = lambda name: wording.of_place(name, language)
    words["typography"] = lambda line: wording.typography(line, language)
    return words
