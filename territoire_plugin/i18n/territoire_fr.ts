<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AnalysisError</name>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="49"/>
        <source>The metadata file {path} has a non-numeric value for {field}: {raw!r}. The file is damaged: download the product&apos;s MTL again.</source>
        <translation>Le fichier de métadonnées {path} a une valeur non numérique pour {field} : {raw!r}. Le fichier est abîmé : téléchargez de nouveau le MTL du produit.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="99"/>
        <source>The metadata file {path} has only one of TEMPERATURE_MULT_BAND_ST_B10 and TEMPERATURE_ADD_BAND_ST_B10. The file is incomplete: download the product&apos;s MTL again.</source>
        <translation>Le fichier de métadonnées {path} ne contient qu'un seul des deux facteurs TEMPERATURE_MULT_BAND_ST_B10 et TEMPERATURE_ADD_BAND_ST_B10. Le fichier est incomplet : téléchargez de nouveau le MTL du produit.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="111"/>
        <source>The surface-temperature factors in {path} (multiplier {mult}, offset {add}) give {low:.1f} K to {high:.1f} K, which is not a Landsat Collection 2 ST_B10 scaling. Check that this is the MTL of a Level-2 (L2SP) product.</source>
        <translation>Les facteurs de température de surface de {path} (multiplicateur {mult}, décalage {add}) donnent de {low:.1f} K à {high:.1f} K, ce qui n'est pas l'échelle ST_B10 de Landsat Collection 2. Vérifiez qu'il s'agit bien du MTL d'un produit de niveau 2 (L2SP).</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="264"/>
        <source>{path} does not exist. Give the product&apos;s MTL file, its folder, or its ST_B10 band.</source>
        <translation>{path} n'existe pas. Indiquez le fichier MTL du produit, son dossier ou sa bande ST_B10.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="275"/>
        <source>The folder {path} holds no Landsat MTL file (*_MTL.txt, *_MTL.xml or *_MTL.json). Give the ST_B10 band directly, or the folder of a complete product.</source>
        <translation>Le dossier {path} ne contient aucun fichier MTL Landsat (*_MTL.txt, *_MTL.xml ou *_MTL.json). Indiquez directement la bande ST_B10, ou le dossier d'un produit complet.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="310"/>
        <source>The metadata file {path} describes a product of level {level} with no ST_B10 band. Land surface temperature needs a Collection 2 Level-2 (L2SP) product.</source>
        <translation>Le fichier de métadonnées {path} décrit un produit de niveau {level} sans bande ST_B10. La température de surface demande un produit Collection 2 de niveau 2 (L2SP).</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="321"/>
        <source>The metadata file {path} names the band {name}, which is not in {folder}. Put the ST_B10 file beside its MTL, or give the band directly.</source>
        <translation>Le fichier de métadonnées {path} désigne la bande {name}, absente de {folder}. Placez le fichier ST_B10 à côté de son MTL, ou indiquez directement la bande.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="360"/>
        <source>{name} is the {band} band, not the surface-temperature band ST_B10. Give the product&apos;s *_ST_B10.TIF (or its MTL file, and the band is found for you).</source>
        <translation>{name} est la bande {band}, pas la bande de température de surface ST_B10. Indiquez le fichier *_ST_B10.TIF du produit (ou son fichier MTL : la bande sera trouvée automatiquement).</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst.py" line="143"/>
        <source>{name} holds {dtype} values; a Landsat ST_B10 band holds 16-bit unsigned integers. Give the product&apos;s original *_ST_B10.TIF, not a converted or reprojected copy.</source>
        <translation>{name} contient des valeurs {dtype} ; une bande ST_B10 Landsat contient des entiers non signés sur 16 bits. Indiquez le fichier *_ST_B10.TIF d'origine, pas une copie convertie ou reprojetée.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst.py" line="159"/>
        <source>QA_PIXEL ({qa}) is not on the grid of ST_B10 ({st}). Give the QA_PIXEL band of the same product, unmodified.</source>
        <translation>QA_PIXEL ({qa}) n'est pas sur la grille de ST_B10 ({st}). Indiquez la bande QA_PIXEL du même produit, sans modification.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst.py" line="172"/>
        <source>The clip area does not overlap the scene ({scene}). Check the clip layer or extent and its CRS, or pick a scene that covers the area.</source>
        <translation>La zone de découpage ne recoupe pas la scène ({scene}). Vérifiez la couche ou l'emprise de découpage et son SCR, ou choisissez une scène qui couvre la zone.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst.py" line="197"/>
        <source>No clear pixel is left after masking: {cloud:.1f} % of the area inside the scene is cloud, cirrus or cloud shadow, {other:.1f} % is masked snow or water, and {fill:.1f} % of the area lies outside the scene. Pick another date (a clearer scene) or a larger area.</source>
        <translation>Aucun pixel clair ne reste après masquage : {cloud:.1f} % de la zone couverte par la scène est nuage, cirrus ou ombre de nuage, {other:.1f} % est neige ou eau masquée, et {fill:.1f} % de la zone est hors de la scène. Choisissez une autre date (une scène plus dégagée) ou une zone plus grande.</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="66"/>
        <source>Cannot open {what} ({path}): {error}. Check that the file is a complete raster (a download may have been cut short).</source>
        <translation>Impossible d'ouvrir {what} ({path}) : {error}. Vérifiez que le fichier est un raster complet (un téléchargement a pu être interrompu).</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="183"/>
        <source>The raster's grid is rotated; clipping needs a north-up raster. Warp it first (Raster ▸ Projections ▸ Warp).</source>
        <translation>La grille du raster est tournée ; le découpage demande un raster orienté nord. Reprojetez-le d'abord (Raster ▸ Projections ▸ Projection (warp)).</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="210"/>
        <source>The output {path} must be a GeoTIFF (.tif). Choose a file name ending in .tif.</source>
        <translation>La sortie {path} doit être un GeoTIFF (.tif). Choisissez un nom de fichier se terminant par .tif.</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="219"/>
        <source>The output folder {folder} does not exist. Create it or choose another folder.</source>
        <translation>Le dossier de sortie {folder} n'existe pas. Créez-le ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="105"/>
        <source>Reading {what} failed: {error}. The file is truncated (an interrupted download?) or damaged: download or copy it again.</source>
        <translation>La lecture de {what} a échoué : {error}. Le fichier est tronqué (téléchargement interrompu ?) ou abîmé : téléchargez-le ou copiez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../core/background.py" line="14"/>
        <source>Writing the output failed: {error}. Check the free disk space and that the folder is writable.</source>
        <translation>L'écriture de la sortie a échoué : {error}. Vérifiez l'espace disque libre et que le dossier est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst.py" line="96"/>
        <source>{name} does not look like a surface-temperature band: with the ST_B10 scaling, 90 % of its clear pixels would be below {p90:.1f} °C, which no land surface is. Give the product's *_ST_B10.TIF (not a reflectance band), or its MTL file.</source>
        <translation>{name} ne ressemble pas à une bande de température de surface : avec l'échelle ST_B10, 90 % de ses pixels clairs seraient sous {p90:.1f} °C, ce qu'aucune surface terrestre n'atteint. Indiquez le fichier *_ST_B10.TIF du produit (pas une bande de réflectance), ou son fichier MTL.</translation>
    </message>
    <message>
        <location filename="../sources/api_geo.py" line="45"/>
        <source>API Géo sent an answer that is not a commune list: {item}. Try again later.</source>
        <translation>API Géo a renvoyé une réponse qui n'est pas une liste de communes : {item}. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/api_geo.py" line="148"/>
        <source>API Géo has no outline for {commune}. Use the ADMIN EXPRESS source instead.</source>
        <translation>API Géo n'a pas de contour pour {commune}. Utilisez plutôt la source ADMIN EXPRESS.</translation>
    </message>
    <message>
        <location filename="../sources/api_geo.py" line="159"/>
        <source>Several communes match &quot;{query}&quot;: {candidates}. Give the INSEE code, or the name with its department, e.g. &quot;{example}&quot;.</source>
        <translation>Plusieurs communes correspondent à « {query} » : {candidates}. Indiquez le code INSEE, ou le nom suivi du département, par ex. « {example} ».</translation>
    </message>
    <message>
        <location filename="../sources/api_geo.py" line="172"/>
        <source>No commune is named &quot;{query}&quot;. Closest names: {suggestions}. Check the spelling, or give the INSEE code.</source>
        <translation>Aucune commune ne s'appelle « {query} ». Noms les plus proches : {suggestions}. Vérifiez l'orthographe, ou indiquez le code INSEE.</translation>
    </message>
    <message>
        <location filename="../sources/response.py" line="28"/>
        <source>{service} answered with a web page instead of data ({title}). The service may be in maintenance, or a proxy asks for a login: open {url} in a browser to see it.</source>
        <translation>{service} a répondu par une page web au lieu de données ({title}). Le service est peut-être en maintenance, ou un proxy demande une identification : ouvrez {url} dans un navigateur pour le voir.</translation>
    </message>
    <message>
        <location filename="../sources/response.py" line="40"/>
        <source>{service} sent an answer that is not valid JSON ({error}); it may have been cut short. Try again later.</source>
        <translation>{service} a envoyé une réponse qui n'est pas du JSON valide ({error}) ; elle a peut-être été tronquée. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="121"/>
        <source>{service} did not answer after {tries} tries ({error}). Check the network connection and the proxy settings (QGIS ▸ Options ▸ Network), or try again later; data already downloaded stay usable offline.</source>
        <translation>{service} n'a pas répondu après {tries} essais ({error}). Vérifiez la connexion réseau et les réglages du proxy (QGIS ▸ Options ▸ Réseau), ou réessayez plus tard ; les données déjà téléchargées restent utilisables hors ligne.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="170"/>
        <source>The proxy refused the request to {service} (HTTP 407: {text}). Enter the proxy login in QGIS ▸ Options ▸ Network.</source>
        <translation>Le proxy a refusé la requête vers {service} (HTTP 407 : {text}). Saisissez l'identifiant du proxy dans QGIS ▸ Options ▸ Réseau.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="180"/>
        <source>{service} refused access (HTTP {status}: {text}). Check the key or login stored in the QGIS authentication manager for this service, or that it has not expired.</source>
        <translation>{service} a refusé l'accès (HTTP {status} : {text}). Vérifiez la clé ou l'identifiant enregistrés pour ce service dans le gestionnaire d'authentification de QGIS, et qu'ils n'ont pas expiré.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="190"/>
        <source>{service} says too many requests were sent (HTTP 429: {text}). Wait a few minutes and try again, or split the area.</source>
        <translation>{service} signale trop de requêtes (HTTP 429 : {text}). Attendez quelques minutes et réessayez, ou découpez la zone.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="200"/>
        <source>{service} rejected the request (HTTP {status}: {text}). Check the parameters (area, dates, names); {url}</source>
        <translation>{service} a rejeté la requête (HTTP {status} : {text}). Vérifiez les paramètres (zone, dates, noms) ; {url}</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="209"/>
        <source>{service} is failing (HTTP {status}: {text}). The service is probably down: try again later; data already downloaded stay usable offline.</source>
        <translation>{service} est en erreur (HTTP {status} : {text}). Le service est probablement indisponible : réessayez plus tard ; les données déjà téléchargées restent utilisables hors ligne.</translation>
    </message>
    <message>
        <location filename="../sources/downloads.py" line="90"/>
        <source>{service} answered a partial download with an unexpected range ({range}). Delete {part} and try again.</source>
        <translation>{service} a répondu à un téléchargement partiel avec une plage inattendue ({range}). Supprimez {part} et réessayez.</translation>
    </message>
    <message>
        <location filename="../sources/downloads.py" line="114"/>
        <source>The download of {url} stopped at {got} of {total} bytes. Run again: it resumes where it stopped.</source>
        <translation>Le téléchargement de {url} s'est arrêté à {got} octets sur {total}. Relancez : il reprendra là où il s'est arrêté.</translation>
    </message>
    <message>
        <location filename="../sources/downloads.py" line="126"/>
        <source>The file downloaded from {url} does not match its published checksum: it was damaged on the way and has been deleted. Run again.</source>
        <translation>Le fichier téléchargé depuis {url} ne correspond pas à sa somme de contrôle publiée : il a été abîmé en route et a été supprimé. Relancez.</translation>
    </message>
    <message>
        <location filename="../sources/wfs.py" line="101"/>
        <source>The IGN WFS refused the request for {typename}: {text}. Check the layer name in the options or try again later.</source>
        <translation>Le WFS de l'IGN a refusé la requête pour {typename} : {text}. Vérifiez le nom de la couche dans les options ou réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/wfs.py" line="117"/>
        <source>The IGN WFS did not send features for {typename} ({what}). Try again later.</source>
        <translation>Le WFS de l'IGN n'a pas renvoyé d'objets pour {typename} ({what}). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/cog.py" line="127"/>
        <source>Cannot read the image {name} from the server ({error}). The link may have expired: run again.</source>
        <translation>Impossible de lire l'image {name} sur le serveur ({error}). Le lien a peut-être expiré : relancez.</translation>
    </message>
    <message>
        <location filename="../sources/cog.py" line="97"/>
        <source>The image {name} does not cover the area. Pick another scene.</source>
        <translation>L'image {name} ne couvre pas la zone. Choisissez une autre scène.</translation>
    </message>
    <message>
        <location filename="../sources/stac.py" line="70"/>
        <source>{service} sent a STAC item that cannot be used ({what}). Try again later.</source>
        <translation>{service} a envoyé un élément STAC inutilisable ({what}). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/egms.py" line="92"/>
        <source>{name} has no column {missing}: it is not an EGMS product file (columns found: {found}).</source>
        <translation>{name} n'a pas de colonne {missing} : ce n'est pas un fichier de produit EGMS (colonnes trouvées : {found}).</translation>
    </message>
    <message>
        <location filename="../sources/egms.py" line="146"/>
        <source>{name} has other acquisition dates than the first file: import the files of one release and one track at a time.</source>
        <translation>{name} n'a pas les mêmes dates d'acquisition que le premier fichier : importez les fichiers d'une seule version et d'une seule trace à la fois.</translation>
    </message>
    <message>
        <location filename="../sources/egms.py" line="154"/>
        <source>{name} holds no EGMS point.</source>
        <translation>{name} ne contient aucun point EGMS.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="92"/>
        <source>The zip {name} holds an entry with an unsafe path ({entry}): it is refused. Download the file again from the {what} portal.</source>
        <translation>Le zip {name} contient une entrée au chemin dangereux ({entry}) : il est refusé. Téléchargez de nouveau le fichier depuis le portail {what}.</translation>
    </message>
    <message>
        <location filename="../sources/lcz.py" line="52"/>
        <source>data.gouv.fr sent no resource list for the LCZ dataset {dataset}. Try again later.</source>
        <translation>data.gouv.fr n'a pas renvoyé la liste des ressources du jeu de données LCZ {dataset}. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/lcz.py" line="108"/>
        <source>The Cerema local climate zones do not cover {commune} by name: they exist for about 90 urban areas over 50,000 inhabitants. If the commune belongs to one of them, give its name as the urban area. Covered: {areas}.</source>
        <translation>Les zones climatiques locales du Cerema ne couvrent pas {commune} par son nom : elles existent pour environ 90 aires urbaines de plus de 50 000 habitants. Si la commune appartient à l'une d'elles, indiquez son nom comme aire urbaine. Couvertes : {areas}.</translation>
    </message>
    <message>
        <location filename="../sources/lcz.py" line="161"/>
        <source>{name} holds no vector layer with an LCZ field. The Cerema file format may have changed: report it to the Territoire developers.</source>
        <translation>{name} ne contient aucune couche vecteur avec un champ LCZ. Le format du fichier du Cerema a peut-être changé : signalez-le aux développeurs de Territoire.</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="55"/>
        <source>{name} is not an INSEE Filosofi 200 m grid: it needs a cell identifier column (idcar_200m, Idcar_200m or IdINSPIRE) and an inhabitants column (ind). Columns found: {found}.</source>
        <translation>{name} n'est pas une grille Filosofi 200 m de l'INSEE : il faut une colonne d'identifiant de carreau (idcar_200m, Idcar_200m ou IdINSPIRE) et une colonne d'habitants (ind). Colonnes trouvées : {found}.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/ndvi.py" line="86"/>
        <source>No {what} band found in {where}. Give a Landsat Level-2 product (MTL or folder), a Sentinel-2 L2A folder from Territoire&apos;s download, or the red and near-infrared bands themselves.</source>
        <translation>Aucune bande {what} trouvée dans {where}. Indiquez un produit Landsat de niveau 2 (MTL ou dossier), un dossier Sentinel-2 L2A issu du téléchargement de Territoire, ou les bandes rouge et proche infrarouge elles-mêmes.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/ndvi.py" line="203"/>
        <source>Every pixel is masked (fill, cloud or shadow): no NDVI can be computed. Pick a clearer scene.</source>
        <translation>Tous les pixels sont masqués (remplissage, nuage ou ombre) : aucun NDVI ne peut être calculé. Choisissez une scène plus dégagée.</translation>
    </message>
    <message>
        <location filename="../analysis/raster/strips.py" line="49"/>
        <source>{name} ({grid}) is not on the grid of {first} ({first_grid}). Give bands of the same product, or align them first (Raster ▸ Projections ▸ Warp, with the same extent and pixel size).</source>
        <translation>{name} ({grid}) n'est pas sur la grille de {first} ({first_grid}). Indiquez des bandes du même produit, ou alignez-les d'abord (Raster ▸ Projections ▸ Projection (warp), avec la même emprise et la même taille de pixel).</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst_l1.py" line="68"/>
        <source>No MTL file beside {path}: the Level-1 method needs the product&apos;s radiance and thermal constants. Give the product&apos;s MTL file or folder.</source>
        <translation>Aucun fichier MTL à côté de {path} : la méthode de niveau 1 a besoin des constantes de luminance et thermiques du produit. Indiquez le fichier MTL du produit ou son dossier.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst_l1.py" line="77"/>
        <source>The metadata file {path} has no {constant}: it is not the MTL of a Landsat 8/9 Level-1 product. For a Level-2 product use Land surface temperature (Landsat).</source>
        <translation>Le fichier de métadonnées {path} n'a pas de {constant} : ce n'est pas le MTL d'un produit Landsat 8/9 de niveau 1. Pour un produit de niveau 2, utilisez Température de surface (Landsat).</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst_l1.py" line="87"/>
        <source>Band {band} of the product is not in {folder}. Put the bands beside the MTL.</source>
        <translation>La bande {band} du produit n'est pas dans {folder}. Placez les bandes à côté du MTL.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/lst_l1.py" line="140"/>
        <source>No valid pixel: every pixel is fill or masked. Pick another scene.</source>
        <translation>Aucun pixel valide : tous les pixels sont du remplissage ou masqués. Choisissez une autre scène.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/islands.py" line="33"/>
        <source>{what} is in a geographic CRS (degrees): distances and areas need metres. Reproject it first to a projected CRS (Lambert-93, EPSG:2154, or its UTM zone).</source>
        <translation>{what} est dans un SCR géographique (degrés) : les distances et les surfaces demandent des mètres. Reprojetez-le d'abord dans un SCR projeté (Lambert-93, EPSG:2154, ou sa zone UTM).</translation>
    </message>
    <message>
        <location filename="../analysis/heat/islands.py" line="56"/>
        <source>The reference temperature needs either a reference zone, or the town&apos;s outline and an NDVI raster (to find the vegetated pixels around it).</source>
        <translation>La température de référence demande soit une zone de référence, soit le contour de la ville et un raster de NDVI (pour trouver les pixels végétalisés autour).</translation>
    </message>
    <message>
        <location filename="../analysis/heat/islands.py" line="93"/>
        <source>No reference pixel: {method} finds none. Widen the ring, lower the NDVI threshold, or draw a reference zone.</source>
        <translation>Aucun pixel de référence : la méthode « {method} » n'en trouve aucun. Élargissez l'anneau, abaissez le seuil de NDVI ou tracez une zone de référence.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/islands.py" line="143"/>
        <source>{name} has no valid pixel (all nodata).</source>
        <translation>{name} n'a aucun pixel valide (tout est nodata).</translation>
    </message>
    <message>
        <location filename="../analysis/heat/hotspots.py" line="46"/>
        <source>The cell size ({cell:g} m) is smaller than a pixel ({pixel:g} m). Choose a cell of at least one pixel, e.g. {suggestion:g} m.</source>
        <translation>La taille des cellules ({cell:g} m) est inférieure à un pixel ({pixel:g} m). Choisissez au moins un pixel, par ex. {suggestion:g} m.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/hotspots.py" line="89"/>
        <source>The distance band ({distance:g} m) is shorter than a cell ({cell:g} m): no cell would have a neighbour. Use at least the cell size, e.g. {suggestion:g} m.</source>
        <translation>La distance de voisinage ({distance:g} m) est plus courte qu'une cellule ({cell:g} m) : aucune cellule n'aurait de voisine. Prenez au moins la taille d'une cellule, par ex. {suggestion:g} m.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/hotspots.py" line="102"/>
        <source>Only {n} cells have data: hot spots need many more. Use smaller cells or a larger area.</source>
        <translation>Seules {n} cellules ont des données : il en faut bien plus pour des points chauds. Prenez des cellules plus petites ou une zone plus grande.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/hotspots.py" line="112"/>
        <source>All cells have the same value: there is no hot or cold spot to find.</source>
        <translation>Toutes les cellules ont la même valeur : il n'y a ni point chaud ni point froid à trouver.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/exposure.py" line="69"/>
        <source>The buildings layer has none of the fields that tell a building&apos;s use ({expected}): sensitive sites cannot be found. Use the BD TOPO buildings (Download IGN BD TOPO), or give a layer of sensitive sites.</source>
        <translation>La couche des bâtiments n'a aucun des champs qui disent l'usage d'un bâtiment ({expected}) : les sites sensibles ne peuvent pas être trouvés. Utilisez les bâtiments de la BD TOPO (Télécharger la BD TOPO de l'IGN), ou indiquez une couche de sites sensibles.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/exposure.py" line="162"/>
        <source>The population layer has no inhabitants field (ind): it is not a 200 m grid made by Population on a 200 m grid (INSEE Filosofi), or it follows another year&apos;s schema (fields found: {found}). Make it again with that algorithm.</source>
        <translation>La couche de population n'a pas de champ d'habitants (ind) : ce n'est pas une grille de 200 m faite par Population sur une grille de 200 m (INSEE Filosofi), ou elle suit le schéma d'une autre année (champs trouvés : {found}). Refaites-la avec cet algorithme.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/composite.py" line="36"/>
        <source>A composite needs at least two temperature rasters (several dates).</source>
        <translation>Un composite demande au moins deux rasters de température (plusieurs dates).</translation>
    </message>
    <message>
        <location filename="../analysis/heat/greening.py" line="132"/>
        <source>Only {n} valid pixels in the town: too few to fit the model. Check that the rasters and the town outline overlap, or use a clearer scene.</source>
        <translation>Seulement {n} pixels valides dans la ville : trop peu pour ajuster le modèle. Vérifiez que les rasters et le contour de la ville se recouvrent, ou prenez une scène plus dégagée.</translation>
    </message>
    <message>
        <location filename="../analysis/ground_motion/statistics.py" line="85"/>
        <source>The rule in multiples of the standard deviation needs the points&apos; velocity standard deviation field. Choose it, or use the thresholds in mm/year.</source>
        <translation>La règle en multiples de l'écart type demande le champ d'écart type des vitesses des points. Choisissez-le, ou utilisez les seuils en mm/an.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="245"/>
        <source>{name} is neither a CSV, a zip nor a 7z file. Give the {what} file as downloaded.</source>
        <translation>{name} n'est ni un CSV, ni un zip, ni un 7z. Donnez le fichier {what} tel que téléchargé.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="321"/>
        <source>The archive {name} holds no CSV file. Give the {what} file as downloaded.</source>
        <translation>L'archive {name} ne contient aucun fichier CSV. Donnez le fichier {what} tel que téléchargé.</translation>
    </message>
    <message>
        <location filename="../core/sevenzip.py" line="34"/>
        <source>The 7z archive {name} cannot be read ({reason}). Download it again; if it still fails, extract it with 7-Zip and give the extracted file.</source>
        <translation>L'archive 7z {name} est illisible ({reason}). Téléchargez-la de nouveau ; si l'échec persiste, extrayez-la avec 7-Zip et donnez le fichier extrait.</translation>
    </message>
    <message>
        <location filename="../sources/egms_archive.py" line="51"/>
        <source>« {release} » is not an EGMS release. Write it as the EGMS website does, first and last year joined by an underscore, e.g. 2019_2023.</source>
        <translation>« {release} » n'est pas une version d'EGMS. Écrivez-la comme le site d'EGMS : première et dernière année reliées par un tiret bas, par ex. 2019_2023.</translation>
    </message>
    <message>
        <location filename="../sources/egms_archive.py" line="87"/>
        <source>« {entry} » is not the name of an EGMS Basic or Calibrated file. Copy the names from the EGMS viewer (e.g. EGMS_L2b_037_0288_IW2_VV_2019_2023_1) or write orbit_burst_IWn (e.g. 037_0288_IW2).</source>
        <translation>« {entry} » n'est pas le nom d'un fichier EGMS Basic ou Calibrated. Copiez les noms depuis le visualiseur d'EGMS (par ex. EGMS_L2b_037_0288_IW2_VV_2019_2023_1) ou écrivez orbite_burst_IWn (par ex. 037_0288_IW2).</translation>
    </message>
    <message>
        <location filename="../sources/downloads.py" line="79"/>
        <source>The file at {url} changed {count} times during its download. Try again later, when the service has finished updating it.</source>
        <translation>Le fichier {url} a changé {count} fois pendant son téléchargement. Réessayez plus tard, quand le service aura fini de le mettre à jour.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/hotspots.py" line="95"/>
        <source>The distance band ({distance:g} m) spans the whole area ({cells} cells across): every cell would be the neighbour of every other, so nothing is local. Use 3 to 5 cells, e.g. {suggestion:g} m.</source>
        <translation>La bande de distance ({distance:g} m) couvre toute la zone ({cells} cellules en diagonale) : chaque cellule serait voisine de toutes les autres, rien ne serait local. Prenez 3 à 5 cellules, par ex. {suggestion:g} m.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/islands.py" line="138"/>
        <source>A percentile lies between 0 and 100; {value:g} was given. For the hottest tenth of the commune, give 90.</source>
        <translation>Un centile est compris entre 0 et 100 ; {value:g} a été donné. Pour le dixième le plus chaud de la commune, indiquez 90.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="119"/>
        <source>{name} has a line of more than {limit} characters: it is not a {what} file, or it is damaged. Download it again.</source>
        <translation>{name} a une ligne de plus de {limit} caractères : ce n'est pas un fichier {what}, ou il est endommagé. Téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../sources/egms_archive.py" line="97"/>
        <source>The EGMS archive refused {name} or sent something that is not a zip file (kept nowhere). The download token has probably expired: log in on egms.land.copernicus.eu, copy the new token (the id= at the end of a download link) into the authentication configuration and run again.</source>
        <translation>L'archive EGMS a refusé {name} ou a renvoyé autre chose qu'un fichier zip (rien n'est conservé). Le jeton de téléchargement a sans doute expiré : connectez-vous sur egms.land.copernicus.eu, recopiez le nouveau jeton (le id= à la fin d'un lien de téléchargement) dans la configuration d'authentification et relancez.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/composite.py" line="28"/>
        <source>None of the {n} temperature rasters has a valid pixel where they overlap (all nodata: clouds everywhere, or rasters of other places): there is nothing to combine. Check the rasters (open them in QGIS).</source>
        <translation>Aucun des {n} rasters de température n'a de pixel valide là où ils se recouvrent (tout en nodata : nuages partout, ou rasters d'autres lieux) : il n'y a rien à combiner. Vérifiez les rasters (ouvrez-les dans QGIS).</translation>
    </message>
    <message>
        <location filename="../analysis/heat/greening.py" line="137"/>
        <source>The surface temperature is the same ({value:.2f} °C) on all {n} pixels of the town: no effect of vegetation can be learnt from it. Check that the raster is a land surface temperature (°C) of a real scene.</source>
        <translation>La température de surface est la même ({value:.2f} °C) sur les {n} pixels de la commune : aucun effet de la végétation ne peut en être appris. Vérifiez que le raster est une température de surface (°C) d'une scène réelle.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="180"/>
        <source>Cannot open the metadata file {path}. Check that the file exists and that you may read it.</source>
        <translation>Impossible d'ouvrir le fichier de métadonnées {path}. Vérifiez que le fichier existe et que vous pouvez le lire.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/mtl.py" line="183"/>
        <source>Cannot read the metadata file {path}: it is not a Landsat MTL (txt, xml or json), or it is damaged. Use the MTL of the product as USGS delivers it.</source>
        <translation>Impossible de lire le fichier de métadonnées {path} : ce n'est pas un MTL Landsat (txt, xml ou json), ou il est endommagé. Utilisez le MTL du produit tel que l'USGS le livre.</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/ndvi.py" line="163"/>
        <source>The reflectance scale {scale} and offset {offset} cannot turn these bands into reflectances: the scale must be a positive number (e.g. 0.0001 for Sentinel-2, 0.0000275 for Landsat Collection 2).</source>
        <translation>Le facteur de réflectance {scale} et le décalage {offset} ne peuvent pas convertir ces bandes en réflectances : le facteur doit être un nombre positif (par exemple 0,0001 pour Sentinel-2, 0,0000275 pour Landsat Collection 2).</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="142"/>
        <source>Line {line} of {name} holds a value of more than {limit} characters: it is not a {what} file, or it is damaged. Download the {what} file again.</source>
        <translation>La ligne {line} de {name} contient une valeur de plus de {limit} caractères : ce n'est pas un fichier {what}, ou il est endommagé. Téléchargez de nouveau le fichier {what}.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="146"/>
        <source>Line {line} of {name} cannot be read as CSV (a quote left open, or a character out of place). Download the {what} file again.</source>
        <translation>La ligne {line} de {name} ne peut pas être lue comme du CSV (un guillemet non refermé, ou un caractère mal placé). Téléchargez de nouveau le fichier {what}.</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="59"/>
        <source>{what} ({path}) does not exist. Check the path, or download the data again.</source>
        <translation>{what} ({path}) n'existe pas. Vérifiez le chemin, ou téléchargez de nouveau les données.</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="63"/>
        <source>{what} ({path}) is not a raster QGIS can read: another kind of file, or a damaged one. Check the file (open it in QGIS), or download it again.</source>
        <translation>{what} ({path}) n'est pas un raster lisible par QGIS : un autre type de fichier, ou un fichier endommagé. Vérifiez le fichier (ouvrez-le dans QGIS), ou téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../core/grid.py" line="78"/>
        <source>{what} ({path}) is not georeferenced (no position on the ground or no CRS): its pixels cannot be placed. Use the georeferenced file (a GeoTIFF as published), or georeference it first (Raster ▸ Georeferencer, or Raster ▸ Projections ▸ Assign Projection).</source>
        <translation>{what} ({path}) n'est pas géoréférencé (pas de position au sol ou pas de SCR) : ses pixels ne peuvent pas être placés. Utilisez le fichier géoréférencé (un GeoTIFF tel que publié), ou géoréférencez-le d'abord (Raster ▸ Géoréférenceur, ou Raster ▸ Projections ▸ Assigner une projection).</translation>
    </message>
    <message>
        <location filename="../sources/egms.py" line="100"/>
        <source>The column {column} of {name} is not a date (an EGMS series column is named by its date, YYYYMMDD): the file is damaged or was edited. Download it again.</source>
        <translation>La colonne {column} de {name} n'est pas une date (une colonne de série EGMS porte sa date, AAAAMMJJ) : le fichier est endommagé ou a été modifié. Téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../sources/egms_rows.py" line="38"/>
        <source>Line {line} of {name}: {column} is « {value} », not a number. The file is damaged or was edited: download it again.</source>
        <translation>Ligne {line} de {name} : {column} vaut « {value} », qui n'est pas un nombre. Le fichier est endommagé ou a été modifié : téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="88"/>
        <source>Line {line} of {name} has {count} values where its header names {columns}: the file is cut or damaged. Download it again.</source>
        <translation>La ligne {line} de {name} a {count} valeurs là où son en-tête nomme {columns} colonnes : le fichier est tronqué ou endommagé. Téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="94"/>
        <source>Line {line} of {name}: the cell « {value} » is not a Filosofi cell identifier (CRS3035RES200mN…E…). The file is damaged or was edited: download it again.</source>
        <translation>Ligne {line} de {name} : le carreau « {value} » n'est pas un identifiant de carreau Filosofi (CRS3035RES200mN…E…). Le fichier est endommagé ou a été modifié : téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="146"/>
        <source>Line {line} of {name}: {column} is « {value} », not a number of inhabitants. The file is damaged or was edited: download it again.</source>
        <translation>Ligne {line} de {name} : {column} vaut « {value} », qui n'est pas un nombre d'habitants. Le fichier est endommagé ou a été modifié : téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="172"/>
        <source>{name} is not a GeoPackage (nor a CSV): it cannot be an INSEE Filosofi file. Give the file as downloaded from INSEE (.zip, .7z, .csv or .gpkg).</source>
        <translation>{name} n'est pas un GeoPackage (ni un CSV) : ce ne peut pas être un fichier Filosofi de l'Insee. Donnez le fichier tel que téléchargé depuis l'Insee (.zip, .7z, .csv ou .gpkg).</translation>
    </message>
    <message>
        <location filename="../sources/cog.py" line="108"/>
        <source>The image {name} was replaced on the server while it was being read: the copy was not kept. Run again.</source>
        <translation>L'image {name} a été remplacée sur le serveur pendant sa lecture : la copie n'a pas été gardée. Relancez.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="302"/>
        <source>{service} cannot be reached: the name {host} is unknown to the network (DNS). Check the network connection and the proxy settings (QGIS ▸ Options ▸ Network); data already downloaded stay usable offline.</source>
        <translation>{service} est injoignable : le nom {host} est inconnu du réseau (DNS). Vérifiez la connexion réseau et les paramètres du proxy (QGIS ▸ Options ▸ Réseau) ; les données déjà téléchargées restent utilisables hors ligne.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="306"/>
        <source>{service} cannot be reached: {host} refuses the connection. Check the proxy settings (QGIS ▸ Options ▸ Network), or try again later; data already downloaded stay usable offline.</source>
        <translation>{service} est injoignable : {host} refuse la connexion. Vérifiez les paramètres du proxy (QGIS ▸ Options ▸ Réseau), ou réessayez plus tard ; les données déjà téléchargées restent utilisables hors ligne.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="309"/>
        <source>{service} cannot be reached: {host} does not answer (nothing within {seconds} s). Check the network connection and the proxy settings (QGIS ▸ Options ▸ Network), or try again later; data already downloaded stay usable offline.</source>
        <translation>{service} est injoignable : {host} ne répond pas (rien en {seconds} s). Vérifiez la connexion réseau et les paramètres du proxy (QGIS ▸ Options ▸ Réseau), ou réessayez plus tard ; les données déjà téléchargées restent utilisables hors ligne.</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="100"/>
        <source>{service} sent the request from address to address more than {count} times (a redirect loop) without answering: the service is misconfigured. Try again later.</source>
        <translation>{service} a renvoyé la requête d'adresse en adresse plus de {count} fois (une boucle de redirections) sans répondre : le service est mal configuré. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="105"/>
        <source>{service} redirected a secure (HTTPS) request to an address that is not secure ({target}): it was not followed. Report it to the service.</source>
        <translation>{service} a redirigé une requête sécurisée (HTTPS) vers une adresse non sécurisée ({target}) : elle n'a pas été suivie. Signalez-le au service.</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="131"/>
        <source>The authentication configuration {authcfg} chosen for {service} cannot be used: it does not exist in QGIS's authentication manager, or the master password was not given. Choose another one (Settings ▸ Options ▸ Authentication).</source>
        <translation>La configuration d'authentification {authcfg} choisie pour {service} est inutilisable : elle n'existe pas dans le gestionnaire d'authentification de QGIS, ou le mot de passe principal n'a pas été donné. Choisissez-en une autre (Préférences ▸ Options ▸ Authentification).</translation>
    </message>
    <message>
        <location filename="../analysis/landsat/ndvi.py" line="143"/>
        <source>The file {name} beside the Sentinel-2 bands is damaged: it does not give the scale and offset of B04. Download the scene again, or remove this file (the date is then read from the band file names).</source>
        <translation>Le fichier {name} placé à côté des bandes Sentinel-2 est endommagé : il ne donne ni l'échelle ni le décalage de B04. Téléchargez de nouveau la scène, ou supprimez ce fichier (la date est alors lue dans le nom des fichiers de bandes).</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="42"/>
        <source>{name} is damaged, encrypted or packed in a way that cannot be read. Download the {what} file again, as the portal delivers it.</source>
        <translation>{name} est endommagé, chiffré ou compressé d'une manière illisible. Téléchargez de nouveau le fichier {what}, tel que le portail le fournit.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="125"/>
        <source>{name} is not readable text (it starts as UTF-16 but is cut or damaged). Download the {what} file again, or save it again as « CSV UTF-8 ».</source>
        <translation>{name} n'est pas un texte lisible (il commence comme de l'UTF-16 mais il est coupé ou endommagé). Téléchargez de nouveau le fichier {what}, ou enregistrez-le de nouveau au format « CSV UTF-8 ».</translation>
    </message>
    <message>
        <location filename="../sources/egms_rows.py" line="211"/>
        <source>Line {line} of {name} places a point at easting {x}, northing {y}, outside the ETRS89-LAEA grid of Europe (EPSG:3035) the EGMS uses: the file is damaged. Download it again.</source>
        <translation>La ligne {line} de {name} place un point à l'abscisse {x}, ordonnée {y}, hors de la grille ETRS89-LAEA de l'Europe (EPSG:3035) qu'utilise l'EGMS : le fichier est endommagé. Téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../analysis/heat/islands.py" line="53"/>
        <source>mean LST of the reference zone drawn by the user</source>
        <translation>température de surface moyenne de la zone de référence dessinée</translation>
    </message>
    <message>
        <location filename="../analysis/heat/islands.py" line="62"/>
        <source>mean LST of the pixels with NDVI ≥ {ndvi_min:g} in a {ring_m:g} m ring around the town (outside the town)</source>
        <translation>température de surface moyenne des pixels de NDVI ≥ {ndvi_min:g} dans un anneau de {ring_m:g} m autour de la ville (hors de la ville)</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="27"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../sources/geocoding.py" line="26"/>
        <source>The geocoding service answered in an unexpected shape: no address could be read.</source>
        <translation>Le service de géocodage a répondu sous une forme inattendue : aucune adresse n'a pu être lue.</translation>
    </message>
    <message>
        <location filename="../sources/wmts.py" line="63"/>
        <source>The basemap service answered something that is not an image ({start}…).</source>
        <translation>Le service de fond de plan a répondu autre chose qu'une image ({start}…).</translation>
    </message>
    <message>
        <location filename="../sources/wmts.py" line="105"/>
        <source>The basemap service answered a tile that cannot be read.</source>
        <translation>Le service de fond de plan a répondu une tuile illisible.</translation>
    </message>
    <message>
        <location filename="../sources/wmts.py" line="113"/>
        <source>The basemap service answered a tile that cannot be read ({error}).</source>
        <translation>Le service de fond de plan a répondu une tuile illisible ({error}).</translation>
    </message>
    <message>
        <location filename="../sources/georisques.py" line="68"/>
        <source>Géorisques sent an answer that cannot be read ({what}: {answer}). Try again later.</source>
        <translation>Géorisques a envoyé une réponse illisible ({what} : {answer}). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../sources/georisques.py" line="145"/>
        <source>{name} is outside mainland France: the clay shrink-swell exposure map (Géorisques) covers mainland France and Corsica only.</source>
        <translation>{name} est hors de la France métropolitaine : la carte d'exposition au retrait-gonflement des argiles (Géorisques) ne couvre que la métropole et la Corse.</translation>
    </message>
    <message>
        <location filename="../sources/elevation.py" line="55"/>
        <source>The IGN elevation service answered something that is not an elevation grid ({start}…).</source>
        <translation>Le service d'altimétrie de l'IGN a répondu autre chose qu'une grille d'altitudes ({start}…).</translation>
    </message>
    <message>
        <location filename="../sources/elevation.py" line="65"/>
        <source>The IGN elevation service answered a grid of {got} pixels where {asked} were asked for.</source>
        <translation>Le service d'altimétrie de l'IGN a répondu une grille de {got} pixels au lieu des {asked} demandés.</translation>
    </message>
    <message>
        <location filename="../sources/elevation.py" line="74"/>
        <source>The IGN elevation service answered a grid that cannot be read ({error}).</source>
        <translation>Le service d'altimétrie de l'IGN a répondu une grille illisible ({error}).</translation>
    </message>
    <message>
        <location filename="../qgis_io/capture3d.py" line="43"/>
        <source>The 3D image cannot be made here: QGIS&apos;s 3D engine needs OpenGL, and this session has no display (QGIS started without a screen, or with QT_QPA_PLATFORM=offscreen). Run it from QGIS&apos;s window, or on a server under xvfb-run; the 3D view itself is saved in the project either way.</source>
        <translation>L'image 3D ne peut pas être faite ici : le moteur 3D de QGIS a besoin d'OpenGL, et cette session n'a pas d'écran (QGIS lancé sans écran, ou avec QT_QPA_PLATFORM=offscreen). Lancez-la depuis la fenêtre de QGIS, ou sur un serveur sous xvfb-run ; la vue 3D elle-même est enregistrée dans le projet dans tous les cas.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="65"/>
        <source>{path} is not the project of a commune diagnostic (territoire_&lt;INSEE code&gt;.qgz, in the commune&apos;s results folder). Run the commune diagnostic first, then choose its project.</source>
        <translation>{path} n'est pas le projet d'un diagnostic de commune (territoire_&lt;code INSEE&gt;.qgz, dans le dossier des résultats de la commune). Lancez d'abord le diagnostic de la commune, puis choisissez son projet.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="70"/>
        <source>QGIS cannot read the project {path}: {error}</source>
        <translation>QGIS ne peut pas lire le projet {path} : {error}</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="84"/>
        <source>The project has no layer for the theme asked ({theme}). Themes it has: {present}. Run the diagnostic with the matching analysis, or choose another theme.</source>
        <translation>Le projet n'a pas de couche pour le thème demandé ({theme}). Thèmes présents : {present}. Lancez le diagnostic avec l'analyse correspondante, ou choisissez un autre thème.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="91"/>
        <source>The layer {layer} is in a geographic CRS ({crs}): heights in metres need a projected one. Save it in Lambert-93 (EPSG:2154) and run again.</source>
        <translation>La couche {layer} est dans un SCR géographique ({crs}) : des hauteurs en mètres demandent un SCR projeté. Enregistrez-la en Lambert-93 (EPSG:2154) et relancez.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="95"/>
        <source>The layer {layer} holds no building: there is nothing to show in 3D.</source>
        <translation>La couche {layer} ne contient aucun bâtiment : il n'y a rien à montrer en 3D.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="286"/>
        <source>{image} already exists: tick « Replace the existing image and relief » to make it again, or move it away.</source>
        <translation>{image} existe déjà : cochez « Remplacer l'image et le relief existants » pour la refaire, ou déplacez-la.</translation>
    </message>
    <message>
        <location filename="../qgis_io/capture3d.py" line="121"/>
        <source>The 3D view came out empty: its layers show nothing in the commune&apos;s extent, or the 3D engine failed (see QGIS&apos;s log). Check the buildings layer and the relief.</source>
        <translation>La vue 3D est sortie vide : ses couches ne montrent rien dans l'emprise de la commune, ou le moteur 3D a échoué (voir le journal de QGIS). Vérifiez la couche des bâtiments et le relief.</translation>
    </message>
</context>
<context>
    <name>ClayShrinkSwellAlgorithm</name>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="46"/>
        <source>Clay shrink-swell: buildings moving with the droughts</source>
        <translation>Argiles : bâtiments qui bougent avec les sécheresses</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="74"/>
        <source>EGMS points (with displacement series)</source>
        <translation>Points EGMS (avec séries de déplacement)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="76"/>
        <source>Buildings</source>
        <translation>Bâtiments</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="78"/>
        <source>Clay exposure (download_georisques, field code_exposition)</source>
        <translation>Exposition aux argiles (download_georisques, champ code_exposition)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="81"/>
        <source>CatNat decrees (download_georisques, table catnat)</source>
        <translation>Arrêtés CatNat (download_georisques, table catnat)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="84"/>
        <source>Buffer around buildings</source>
        <translation>Tampon autour des bâtiments</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="86"/>
        <source>Buildings and clay</source>
        <translation>Bâtiments et argiles</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="88"/>
        <source>Buildings to inspect</source>
        <translation>Bâtiments à inspecter</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="88"/>
        <source>Buildings to watch</source>
        <translation>Bâtiments à surveiller</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="88"/>
        <source>Buildings with insufficient data</source>
        <translation>Bâtiments aux données insuffisantes</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="88"/>
        <source>Drought decrees</source>
        <translation>Arrêtés sécheresse</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="105"/>
        <source>The buildings layer is empty.</source>
        <translation>La couche des bâtiments est vide.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="107"/>
        <source>The exposure layer has no field code_exposition: give the layer exposition_argiles made by download_georisques.</source>
        <translation>La couche d'exposition n'a pas de champ code_exposition : donnez la couche exposition_argiles produite par download_georisques.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="112"/>
        <source>Dry summers looked at: {0}.</source>
        <translation>Étés secs examinés : {0}.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="145"/>
        <source>insufficient data</source>
        <translation>données insuffisantes</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="145"/>
        <source>no sign</source>
        <translation>pas de signe</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="145"/>
        <source>to watch</source>
        <translation>à surveiller</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="146"/>
        <source>to inspect</source>
        <translation>à inspecter</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="163"/>
        <source>{0} buildings: {1} to inspect, {2} to watch, {3} with insufficient data.</source>
        <translation>{0} bâtiments : {1} à inspecter, {2} à surveiller, {3} aux données insuffisantes.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="166"/>
        <source>The EGMS series ({0} to {1}) covers none of the dry summers: every building is classed « insufficient data ». Use an EGMS release that covers a dry summer (e.g. 2018–2022).</source>
        <translation>La série EGMS ({0} à {1}) ne couvre aucun des étés secs : tous les bâtiments sont classés « données insuffisantes ». Prenez une version d'EGMS qui couvre un été sec (par exemple 2018–2022).</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="170"/>
        <source>Clay shrink-swell</source>
        <translation>Retrait-gonflement des argiles</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="178"/>
        <source>The points have no displacement series (field displacement_mm and table egms_dates of an EGMS import): import the EGMS file with import_egms first.</source>
        <translation>Les points n'ont pas de série de déplacement (champ displacement_mm et table egms_dates d'un import EGMS) : importez d'abord le fichier EGMS avec import_egms.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="265"/>
        <source>The EGMS points layer is empty.</source>
        <translation>La couche des points EGMS est vide.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="271"/>
        <source>clay exposure medium or high</source>
        <translation>exposition aux argiles moyenne ou forte</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="272"/>
        <source>seasonal swing</source>
        <translation>battement saisonnier</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="272"/>
        <source>sinks in dry summers</source>
        <translation>s'affaisse les étés secs</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="273"/>
        <source>moving beyond ±2 mm/yr</source>
        <translation>bouge de plus de ±2 mm/an</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="274"/>
        <source>uneven footprint</source>
        <translation>emprise qui bouge inégalement</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="209"/>
        <source>The exposure cell {0} cannot be indexed.</source>
        <translation>La cellule d'exposition {0} ne peut pas être indexée.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/clay_shrink_swell.py" line="49"/>
        <source>&lt;p&gt;For each building: the share of its footprint in each class of the clay shrink-swell exposure map (from &lt;i&gt;download_georisques&lt;/i&gt;) and the worst class; the EGMS points within its buffer (5 m), the date-by-date median of their displacement series, and from it the velocity, acceleration and seasonal amplitude, and the &lt;b&gt;motion of the dry summers&lt;/b&gt; (late summer minus spring, the worst of the dry summers the series covers: those of the commune's drought decrees when given, else 2003, 2011, 2015–2020, 2022, 2023); the spread of its points' velocities (uneven motion of the footprint).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Classes&lt;/b&gt; (they say where to look first, they prove no damage):&lt;br&gt;• &lt;b&gt;to inspect&lt;/b&gt;: exposure medium or high, and a seasonal amplitude ≥ 3 mm, or a dry-summer drop ≤ −4 mm, or a spread ≥ 3 mm/yr;&lt;br&gt;• &lt;b&gt;to watch&lt;/b&gt;: exposure low or more, and an amplitude ≥ 2 mm, a dry-summer drop ≤ −2 mm, a velocity beyond ±2 mm/yr or a spread ≥ 3 mm/yr;&lt;br&gt;• &lt;b&gt;no sign&lt;/b&gt;: the rest;&lt;br&gt;• &lt;b&gt;insufficient data&lt;/b&gt;: fewer than 2 points, a series covering no dry summer, or no exposure known.&lt;/p&gt;&lt;p&gt;Where the thresholds come from: the exposure classes are the national map's (Code de la construction, art. R132-3; BRGM); ±2 mm/yr is the usual bound of stability for EGMS (velocity noise about 0.7 mm/yr); MT-InSAR measures the seasonal swing of swelling clay, several millimetres (Burnol et al., 2021, Atmosphere 12:1262, doi:10.3390/atmos12101262): 2 and 3 mm stand above the noise of a median of points, and count only in clay's phase (lowest at the end of summer: a building's thermal dilation rises in summer); the summers' motion is taken without the long-term trend; 3 mm/yr of spread is about four times the EGMS velocity noise; an uneven footprint cracks walls (Skempton &amp;amp; MacDonald, 1956).&lt;/p&gt;&lt;p&gt;The buildings' height is not used: a building without one is classed like any other.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour chaque bâtiment : la part de son emprise dans chaque classe de la carte d'exposition au retrait-gonflement des argiles (produite par &lt;i&gt;download_georisques&lt;/i&gt;) et la classe la plus forte ; les points EGMS dans son tampon (5 m), la médiane date par date de leurs séries de déplacement, et d'elle la vitesse, l'accélération et l'amplitude saisonnière, et le &lt;b&gt;mouvement des étés secs&lt;/b&gt; (fin d'été moins printemps, le pire des étés secs que couvre la série : ceux des arrêtés sécheresse de la commune s'ils sont donnés, sinon 2003, 2011, 2015–2020, 2022, 2023) ; l'écart entre les vitesses de ses points (emprise qui bouge inégalement).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Classes&lt;/b&gt; (elles disent où regarder d'abord, elles ne prouvent aucun désordre) :&lt;br&gt;• &lt;b&gt;à inspecter&lt;/b&gt; : exposition moyenne ou forte, et une amplitude saisonnière ≥ 3 mm, ou un affaissement d'été sec ≤ −4 mm, ou un écart ≥ 3 mm/an ;&lt;br&gt;• &lt;b&gt;à surveiller&lt;/b&gt; : exposition faible ou plus, et une amplitude ≥ 2 mm, un affaissement d'été sec ≤ −2 mm, une vitesse au-delà de ±2 mm/an ou un écart ≥ 3 mm/an ;&lt;br&gt;• &lt;b&gt;pas de signe&lt;/b&gt; : le reste ;&lt;br&gt;• &lt;b&gt;données insuffisantes&lt;/b&gt; : moins de 2 points, une série qui ne couvre aucun été sec, ou pas d'exposition connue.&lt;/p&gt;&lt;p&gt;D'où viennent les seuils : les classes d'exposition sont celles de la carte nationale (Code de la construction, art. R132-3 ; BRGM) ; ±2 mm/an est la borne usuelle de stabilité pour EGMS (bruit sur la vitesse d'environ 0,7 mm/an) ; l'InSAR multi-temporel mesure le battement saisonnier des argiles gonflantes, de plusieurs millimètres (Burnol et al., 2021, Atmosphere 12:1262, doi:10.3390/atmos12101262) : 2 et 3 mm dépassent le bruit d'une médiane de points, et ne comptent que dans la phase des argiles (au plus bas en fin d'été : la dilatation thermique d'un bâtiment le soulève en été) ; le mouvement des étés est pris sans la tendance de long terme ; 3 mm/an d'écart valent environ quatre fois le bruit des vitesses EGMS ; une emprise qui bouge inégalement fissure les murs (Skempton &amp;amp; MacDonald, 1956).&lt;/p&gt;&lt;p&gt;La hauteur des bâtiments n'est pas utilisée : un bâtiment sans hauteur est classé comme les autres.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CommuneBoundaryAlgorithm</name>
    <message>
        <location filename="../processing/connectors/commune_boundary.py" line="49"/>
        <source>Commune boundary</source>
        <translation>Contour de commune</translation>
    </message>
    <message>
        <location filename="../processing/connectors/commune_boundary.py" line="34"/>
        <source>&lt;p&gt;The outline of a commune, with its INSEE code, name, department and population, in Lambert-93 (EPSG:2154).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Commune&lt;/b&gt;: a name (&quot;Olemps&quot;, &quot;saint etienne&quot;), a name with its department (&quot;Saint-Martin (12)&quot;), an INSEE code (12174) or a postcode. When the name is ambiguous or misspelled, the error lists the closest communes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source&lt;/b&gt;: API Géo (geo.api.gouv.fr, Etalab) or IGN ADMIN EXPRESS through the Géoplateforme WFS. Answers are kept in the cache and reused offline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Le contour d'une commune, avec son code INSEE, son nom, son département et sa population, en Lambert-93 (EPSG:2154).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Commune&lt;/b&gt; : un nom (« Olemps », « saint etienne »), un nom suivi du département (« Saint-Martin (12) »), un code INSEE (12174) ou un code postal. Si le nom est ambigu ou mal orthographié, l'erreur donne les communes les plus proches.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source&lt;/b&gt; : API Géo (geo.api.gouv.fr, Etalab) ou IGN ADMIN EXPRESS via le WFS de la Géoplateforme. Les réponses sont gardées en cache et réutilisées hors ligne.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/commune_boundary.py" line="45"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../processing/connectors/commune_boundary.py" line="45"/>
        <source>API Géo</source>
        <translation>API Géo</translation>
    </message>
    <message>
        <location filename="../processing/connectors/commune_boundary.py" line="45"/>
        <source>IGN ADMIN EXPRESS (WFS)</source>
        <translation>IGN ADMIN EXPRESS (WFS)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/commune_boundary.py" line="57"/>
        <source>Type a commune: its name, INSEE code or postcode.</source>
        <translation>Saisissez une commune : son nom, son code INSEE ou son code postal.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/commune_boundary.py" line="72"/>
        <source>{0} (INSEE {1}), {2} inhabitants, {3:.2f} km²</source>
        <translation>{0} (INSEE {1}), {2} habitants, {3:.2f} km²</translation>
    </message>
</context>
<context>
    <name>CommuneDiagnosticAlgorithm</name>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="45"/>
        <source>Commune diagnostic (data, analyses, project, report)</source>
        <translation>Diagnostic de commune (données, analyses, projet, rapport)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="48"/>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="54"/>
        <source>&lt;p&gt;The whole job for one commune, as the &quot;Diagnostic de commune&quot; panel does it: the commune's outline (API Géo), BD TOPO buildings, roads, railways, bridges and public buildings (IGN), the clearest Landsat summer scenes of the period, surface temperature and its median over the summers, NDVI, heat-island intensity, heat islands, hot spots, exposure of buildings and sensitive sites (and of people with an INSEE Filosofi 200 m file), and, with an EGMS file, ground motion of every asset with its alert class.&lt;/p&gt;&lt;p&gt;Writes, in &lt;i&gt;output folder / INSEE_commune&lt;/i&gt;: one GeoPackage (every layer and raster), one QGIS project (styled groups, map themes, IGN basemap) and one PDF report for the council, plus a PNG of the main map. Downloads go through the plugin's cache: a second run for the same commune downloads nothing.&lt;/p&gt;&lt;p&gt;Batch mode runs it over several communes. Existing results are kept unless &lt;b&gt;Replace existing results&lt;/b&gt; is ticked.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tout le travail pour une commune, comme le fait le panneau « Diagnostic de commune » : le contour de la commune (API Géo), les bâtiments, routes, voies ferrées, ponts et établissements recevant du public de la BD TOPO (IGN), les scènes Landsat d'été les plus claires de la période, la température de surface et sa médiane sur les étés, le NDVI, l'intensité d'îlot de chaleur, les îlots de chaleur, les points chauds, l'exposition des bâtiments et des sites sensibles (et des habitants avec un fichier Filosofi 200 m de l'INSEE) et, avec un fichier EGMS, le mouvement du sol de chaque ouvrage avec sa classe d'alerte.&lt;/p&gt;&lt;p&gt;Écrit, dans &lt;i&gt;dossier de sortie / INSEE_commune&lt;/i&gt; : un GeoPackage (toutes les couches et rasters), un projet QGIS (groupes stylés, thèmes de carte, fond IGN) et un rapport PDF pour le conseil municipal, plus une image PNG de la carte principale. Les téléchargements passent par le cache de l'extension : une deuxième exécution pour la même commune ne télécharge rien.&lt;/p&gt;&lt;p&gt;Le mode de traitement par lot l'exécute sur plusieurs communes. Les résultats existants sont conservés, sauf si &lt;b&gt;Remplacer les résultats existants&lt;/b&gt; est coché.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="68"/>
        <source>Commune (name, INSEE code or postcode)</source>
        <translation>Commune (nom, code INSEE ou code postal)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="70"/>
        <source>Analyses</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="70"/>
        <source>Urban overheating and infrastructures</source>
        <translation>Surchauffe urbaine et infrastructures</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="70"/>
        <source>Urban overheating</source>
        <translation>Surchauffe urbaine</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="70"/>
        <source>Infrastructures</source>
        <translation>Infrastructures</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="74"/>
        <source>EGMS ground-motion file (CSV or zip), for the infrastructures</source>
        <translation>Fichier EGMS de mouvements du sol (CSV ou zip), pour les infrastructures</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="78"/>
        <source>Last summer of the period</source>
        <translation>Dernier été de la période</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="81"/>
        <source>Number of summers (June–August)</source>
        <translation>Nombre d'étés (juin–août)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="83"/>
        <source>Maximum cloud cover of a scene (%)</source>
        <translation>Couverture nuageuse maximale d'une scène (%)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="85"/>
        <source>INSEE Filosofi 200 m file (path or web address)</source>
        <translation>Fichier Filosofi 200 m de l'INSEE (chemin ou adresse web)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="87"/>
        <source>Replace existing results</source>
        <translation>Remplacer les résultats existants</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="92"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="93"/>
        <source>Folder of the commune&apos;s results</source>
        <translation>Dossier des résultats de la commune</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="94"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="95"/>
        <source>QGIS project</source>
        <translation>Projet QGIS</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="96"/>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="97"/>
        <source>Main map (PNG)</source>
        <translation>Carte principale (PNG)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="98"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="99"/>
        <source>Assets on alert</source>
        <translation>Ouvrages en alerte</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="104"/>
        <source>Type a commune: its name, INSEE code or postcode.</source>
        <translation>Saisissez une commune : son nom, son code INSEE ou son code postal.</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/commune_diagnostic.py" line="107"/>
        <source>The EGMS file {0} does not exist.</source>
        <translation>Le fichier EGMS {0} n'existe pas.</translation>
    </message>
</context>
<context>
    <name>CommuneSearch</name>
    <message>
        <location filename="../gui/commune_search.py" line="55"/>
        <source>Searching API Géo for « {0} »…</source>
        <translation>Recherche de « {0} » dans API Géo…</translation>
    </message>
    <message>
        <location filename="../gui/commune_search.py" line="56"/>
        <source>Searching communes</source>
        <translation>Recherche des communes</translation>
    </message>
    <message>
        <location filename="../gui/commune_search.py" line="69"/>
        <source>API Géo does not answer: check the network or the proxy (Settings ▸ Options ▸ Network).</source>
        <translation>API Géo ne répond pas : vérifiez le réseau ou le proxy (Préférences ▸ Options ▸ Réseau).</translation>
    </message>
    <message>
        <location filename="../gui/commune_search.py" line="73"/>
        <source>No commune matches « {0} »: check the spelling, or type its INSEE code or postcode.</source>
        <translation>Aucune commune ne correspond à « {0} » : vérifiez l'orthographe, ou tapez son code INSEE ou son code postal.</translation>
    </message>
</context>
<context>
    <name>ConnectorAlgorithm</name>
    <message>
        <location filename="../processing/base.py" line="235"/>
        <source>Partner data</source>
        <translation>Données partenaires</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="243"/>
        <source>Commune (name, INSEE code or postcode)</source>
        <translation>Commune (nom, code INSEE ou code postal)</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="246"/>
        <source>Or an extent</source>
        <translation>Ou une emprise</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="250"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="256"/>
        <source>The output must be a GeoPackage (.gpkg).</source>
        <translation>La sortie doit être un GeoPackage (.gpkg).</translation>
    </message>
</context>
<context>
    <name>ConnectorArea</name>
    <message>
        <location filename="../qgis_io/areas.py" line="45"/>
        <source>ADMIN EXPRESS has no outline for INSEE code {0}. Use the API Géo source instead.</source>
        <translation>ADMIN EXPRESS n'a pas de contour pour le code INSEE {0}. Utilisez plutôt la source API Géo.</translation>
    </message>
    <message>
        <location filename="../qgis_io/areas.py" line="60"/>
        <source>The outline of {0} is empty.</source>
        <translation>Le contour de {0} est vide.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="269"/>
        <source>No area given. Type a commune (name, INSEE code or postcode) or draw an extent.</source>
        <translation>Aucune zone indiquée. Saisissez une commune (nom, code INSEE ou code postal) ou tracez une emprise.</translation>
    </message>
</context>
<context>
    <name>CorridorChangeAlgorithm</name>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="133"/>
        <source>Vegetation change along corridors</source>
        <translation>Évolution de la végétation le long des emprises</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="66"/>
        <source>&lt;p&gt;Compares the NDVI of two dates (e.g. two Sentinel-2 summers, or two composites) inside a buffer of linear assets (roads, railways, lines), segment by segment along the chainage: mean change of NDVI, share of pixels with a significant loss (ΔNDVI ≤ −threshold) or gain (≥ +threshold). A segment is flagged for vegetation loss (clearing, slope failure) or encroachment (vegetation growing into the corridor) when the share reaches the given value.&lt;/p&gt;&lt;p&gt;The second raster is resampled onto the first one's grid when they differ.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Compare le NDVI de deux dates (par ex. deux étés Sentinel-2, ou deux composites) dans une zone tampon autour d'ouvrages linéaires (routes, voies ferrées, lignes), tronçon par tronçon le long du PR : variation moyenne du NDVI, part des pixels en perte (ΔNDVI ≤ −seuil) ou en gain (≥ +seuil) significatif. Un tronçon est signalé pour perte de végétation (défrichement, glissement de talus) ou envahissement (végétation gagnant l'emprise) quand cette part atteint la valeur donnée.&lt;/p&gt;&lt;p&gt;Le second raster est rééchantillonné sur la grille du premier quand elles diffèrent.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="76"/>
        <source>NDVI, first date</source>
        <translation>NDVI, première date</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="77"/>
        <source>NDVI, second date</source>
        <translation>NDVI, seconde date</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="78"/>
        <source>Linear assets</source>
        <translation>Ouvrages linéaires</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="80"/>
        <source>Corridor half-width</source>
        <translation>Demi-largeur de l'emprise</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="82"/>
        <source>Segment length</source>
        <translation>Longueur des tronçons</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="84"/>
        <source>Significant NDVI change, at least</source>
        <translation>Variation significative du NDVI, au moins</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="87"/>
        <source>Flag when this share of the corridor changed</source>
        <translation>Signaler quand cette part de l'emprise a changé</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="90"/>
        <source>Corridor segments</source>
        <translation>Tronçons de l'emprise</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="92"/>
        <source>Segments with vegetation loss</source>
        <translation>Tronçons en perte de végétation</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="93"/>
        <source>Segments with encroachment</source>
        <translation>Tronçons envahis</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="104"/>
        <source>The assets layer is empty.</source>
        <translation>La couche des ouvrages est vide.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/corridor_change.py" line="131"/>
        <source>{0} segments: {1} with vegetation loss, {2} with encroachment.</source>
        <translation>{0} tronçons : {1} en perte de végétation, {2} envahis.</translation>
    </message>
</context>
<context>
    <name>DiagnosticPanel</name>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="57"/>
        <source>Commune diagnostic</source>
        <translation>Diagnostic de commune</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="75"/>
        <source>Name, INSEE code or postcode</source>
        <translation>Nom, code INSEE ou code postal</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="79"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="115"/>
        <source>Urban overheating</source>
        <translation>Surchauffe urbaine</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="115"/>
        <source>Infrastructures</source>
        <translation>Infrastructures</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="122"/>
        <source>Analyses</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="133"/>
        <source>EGMS file</source>
        <translation>Fichier EGMS</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="141"/>
        <source>Advanced options</source>
        <translation>Options avancées</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="151"/>
        <source>Maximum cloud cover</source>
        <translation>Couverture nuageuse maximale</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="154"/>
        <source>INSEE Filosofi 200 m file or web address (optional)</source>
        <translation>Fichier Filosofi 200 m de l'INSEE ou adresse web (facultatif)</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="159"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="170"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="175"/>
        <source>Run the diagnostic</source>
        <translation>Lancer le diagnostic</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="181"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="290"/>
        <source>Type a commune first.</source>
        <translation>Saisissez d'abord une commune.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="293"/>
        <source>Choose an output folder (advanced options).</source>
        <translation>Choisissez un dossier de sortie (options avancées).</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="297"/>
        <source>Replace the diagnostic?</source>
        <translation>Remplacer le diagnostic ?</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="297"/>
        <source>{0} already has a diagnostic (in the project or the output folder). Run it again and replace it? Downloads already made are reused.</source>
        <translation>{0} a déjà un diagnostic (dans le projet ou le dossier de sortie). Le relancer et le remplacer ? Les téléchargements déjà faits sont réutilisés.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="316"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="326"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="349"/>
        <source>The results could not be added to the project: {0}</source>
        <translation>Les résultats n'ont pas pu être ajoutés au projet : {0}</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="353"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="362"/>
        <source>Diagnostic ready: {0}</source>
        <translation>Diagnostic prêt : {0}</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="357"/>
        <source>Open the report</source>
        <translation>Ouvrir le rapport</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="357"/>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="76"/>
        <source>Type at least two letters of the commune's name, its INSEE code (12174) or its postcode (12510), then pick it in the list. The list comes from API Géo (Etalab).</source>
        <translation>Tapez au moins deux lettres du nom de la commune, son code INSEE (12174) ou son code postal (12510), puis choisissez-la dans la liste. La liste vient d'API Géo (Etalab).</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="102"/>
        <source>The most recent summer to study. Landsat scenes of June, July and August are used; the summer must be over for its scenes to be published (about two weeks after each pass).</source>
        <translation>L'été le plus récent à étudier. Les scènes Landsat de juin, juillet et août sont utilisées ; l'été doit être fini pour que ses scènes soient publiées (environ deux semaines après chaque passage).</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="105"/>
        <source>How many summers, ending with the last one, the surface temperature is the median of. Several summers dampen one heatwave&apos;s weather; three is a good start.</source>
        <translation>Le nombre d'étés, jusqu'au dernier, dont la température de surface est la médiane. Plusieurs étés atténuent la météo d'une canicule ; trois est un bon début.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="108"/>
        <source>Last summer studied</source>
        <translation>Dernier été étudié</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="109"/>
        <source>Number of summers</source>
        <translation>Nombre d'étés</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="115"/>
        <source>Overheating and infrastructures</source>
        <translation>Surchauffe et infrastructures</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="119"/>
        <source>Urban overheating needs only the network (Landsat, BD TOPO). Infrastructures needs an EGMS file of ground motion, downloaded by you from the EGMS website.</source>
        <translation>La surchauffe urbaine n'a besoin que du réseau (Landsat, BD TOPO). Les infrastructures demandent un fichier EGMS des mouvements du sol, que vous téléchargez sur le site EGMS.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="126"/>
        <source>Ground-motion file of the European Ground Motion Service (Copernicus), as downloaded: the zip or its CSV. On the EGMS website (free EU Login account), choose the product « Calibrated » (L2b, tied to GNSS: the one for buildings and roads) or « Ortho » (L3, vertical, 100 m grid), the latest release (for example 2019–2023), and the tiles over the commune.</source>
        <translation>Fichier des mouvements du sol du service européen EGMS (Copernicus), tel que téléchargé : le zip ou son CSV. Sur le site EGMS (compte EU Login gratuit), choisissez le produit « Calibrated » (L2b, calé sur le GNSS : celui des bâtiments et des routes) ou « Ortho » (L3, vertical, grille de 100 m), la dernière version (par exemple 2019–2023) et les tuiles qui couvrent la commune.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="134"/>
        <source>Needed for infrastructures. &lt;a href=&apos;{0}&apos;&gt;Get it from the EGMS website&lt;/a&gt;: product Calibrated (L2b) or Ortho (L3), latest release, the tiles over the commune.</source>
        <translation>Nécessaire pour les infrastructures. &lt;a href='{0}'&gt;Téléchargez-le sur le site EGMS&lt;/a&gt; : produit Calibrated (L2b) ou Ortho (L3), dernière version, les tuiles qui couvrent la commune.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="148"/>
        <source>Landsat scenes more cloudy than this over their whole footprint are skipped; the clouds left over the commune are masked pixel by pixel.</source>
        <translation>Les scènes Landsat plus nuageuses que cela sur toute leur emprise sont écartées ; les nuages restant sur la commune sont masqués pixel par pixel.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="155"/>
        <source>INSEE's 200 m population grid (Filosofi « données carroyées »), to count the people exposed to heat: the file as INSEE publishes it (zip holding a 7z holding the CSV, or a GeoPackage), or its web address. Empty: the diagnostic counts buildings only.</source>
        <translation>La population de l'INSEE par carreaux de 200 m (Filosofi, « données carroyées »), pour compter les habitants exposés à la chaleur : le fichier tel que l'INSEE le publie (zip contenant un 7z contenant le CSV, ou un GeoPackage), ou son adresse web. Vide : le diagnostic ne compte que les bâtiments.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="160"/>
        <source>&lt;a href='{0}'&gt;INSEE Filosofi 200 m grid&lt;/a&gt;: « Données carroyées », the file for metropolitan France.</source>
        <translation>&lt;a href='{0}'&gt;Carreaux de 200 m Filosofi de l'INSEE&lt;/a&gt; : « Données carroyées », le fichier de la France métropolitaine.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="167"/>
        <source>Each commune gets its own folder here: GeoPackage, QGIS project, PDF report. A folder already used for the commune is replaced only after you agree.</source>
        <translation>Chaque commune y a son dossier : GeoPackage, projet QGIS, rapport PDF. Un dossier déjà utilisé pour la commune n'est remplacé qu'avec votre accord.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="178"/>
        <source>Downloads what is missing (kept in the cache for next time), runs the analyses in the background and adds the styled layers and the report to the project. QGIS stays usable meanwhile.</source>
        <translation>Télécharge ce qui manque (gardé en cache pour la prochaine fois), lance les analyses en arrière-plan et ajoute au projet les couches mises en forme et le rapport. QGIS reste utilisable pendant ce temps.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="185"/>
        <source>Stops within two seconds; nothing half-written is left.</source>
        <translation>S'arrête en moins de deux secondes ; rien d'à moitié écrit ne reste.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="249"/>
        <source>Landsat scenes of June to August, from {0} to {1}.</source>
        <translation>Scènes Landsat de juin à août, de {0} à {1}.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="249"/>
        <source>Landsat scenes of June to August {0}.</source>
        <translation>Scènes Landsat de juin à août {0}.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="336"/>
        <source>Cancelled: nothing was added or written. You can run it again.</source>
        <translation>Annulé : rien n'a été ajouté ni écrit. Vous pouvez le relancer.</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="341"/>
        <source>no reason was given</source>
        <translation>aucune raison n'a été donnée</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="342"/>
        <source>The diagnostic failed: {0}
Nothing was added to the project. Details are in the log (View ▸ Panels ▸ Log Messages).</source>
        <translation>Le diagnostic a échoué : {0}
Rien n'a été ajouté au projet. Les détails sont dans le journal (Vue ▸ Panneaux ▸ Journal des messages).</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="186"/>
        <source>3D view</source>
        <translation>Vue 3D</translation>
    </message>
    <message>
        <location filename="../gui/diagnostic_panel.py" line="190"/>
        <source>The commune in 3D: IGN relief, LiDAR HD trees, the buildings by their height in the colours of the diagnostic; an image for the report; then the commune&apos;s project opens with its 3D view.</source>
        <translation>La commune en 3D : relief de l'IGN, arbres du LiDAR HD, bâtiments selon leur hauteur aux couleurs du diagnostic ; une image pour le rapport ; puis le projet de la commune s'ouvre avec sa vue 3D.</translation>
    </message>
</context>
<context>
    <name>DigitalTwin3dAlgorithm</name>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="31"/>
        <source>Digital twin in 3D (commune diagnostic)</source>
        <translation>Jumeau numérique en 3D (diagnostic de commune)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="34"/>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="65"/>
        <source>Project of the commune diagnostic (territoire_&lt;INSEE&gt;.qgz)</source>
        <translation>Projet du diagnostic de commune (territoire_&lt;INSEE&gt;.qgz)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="65"/>
        <source>QGIS projects (*.qgz *.qgs)</source>
        <translation>Projets QGIS (*.qgz *.qgs)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="68"/>
        <source>Colour the buildings by</source>
        <translation>Colorer les bâtiments selon</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="68"/>
        <source>The first theme the diagnostic has</source>
        <translation>Le premier thème du diagnostic</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="68"/>
        <source>Surface-temperature exposure</source>
        <translation>L'exposition à la température de surface</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="68"/>
        <source>Ground-motion class</source>
        <translation>La classe de mouvement du sol</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="68"/>
        <source>Clay shrink-swell risk</source>
        <translation>Le risque de retrait-gonflement des argiles</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="68"/>
        <source>Nothing (buildings)</source>
        <translation>Rien (bâtiments)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="73"/>
        <source>Replace the existing image and relief</source>
        <translation>Remplacer l'image et le relief existants</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="75"/>
        <source>Project with its 3D view</source>
        <translation>Projet avec sa vue 3D</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="76"/>
        <source>Image of the 3D view (PNG)</source>
        <translation>Image de la vue 3D (PNG)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="77"/>
        <source>Relief (GeoTIFF)</source>
        <translation>Relief (GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="78"/>
        <source>Theme shown</source>
        <translation>Thème montré</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="85"/>
        <source>Image of the 3D view: {0}</source>
        <translation>Image de la vue 3D : {0}</translation>
    </message>
    <message>
        <location filename="../processing/diagnostic/digital_twin_3d.py" line="43"/>
        <source>&lt;p&gt;Adds to a commune diagnostic's project (&lt;i&gt;territoire_&amp;lt;INSEE&amp;gt;.qgz&lt;/i&gt;) a &lt;b&gt;3D view&lt;/b&gt; of the commune: the IGN relief (Géoplateforme: LiDAR HD terrain model where published, RGE ALTI elsewhere; cached, saved as &lt;i&gt;relief_&amp;lt;INSEE&amp;gt;.tif&lt;/i&gt;), the BD TOPO buildings extruded by their height (&lt;i&gt;hauteur&lt;/i&gt;; without it, storeys × 3 m; without either, one storey, 3 m — counted in the log), coloured by the chosen theme with the classes and colours of the 2D map: surface-temperature exposure, ground-motion class or clay risk; the trees where IGN's LiDAR HD height model is published (canopy patches 3 m high and more, extruded by their height), elsewhere BD TOPO's vegetation zones at a height stated by their nature (closed forest 15 m, wood 12 m, open forest 10 m, hedge 6 m, orchard 4 m: not a measurement); the roads and the commune's outline draped on the terrain. The project then opens with its 3D view (View ▸ 3D Map Views).&lt;/p&gt;&lt;p&gt;An image of the view (&lt;i&gt;vue3d_&amp;lt;INSEE&amp;gt;.png&lt;/i&gt;, oblique over the centre, north up) is made for the report when QGIS can draw with OpenGL: always in QGIS's window; for &lt;i&gt;qgis_process&lt;/i&gt; on a server, run it under &lt;i&gt;xvfb-run&lt;/i&gt;. The report (&lt;i&gt;rapport_&amp;lt;INSEE&amp;gt;.pdf&lt;/i&gt;) then gets a last page, &lt;b&gt;3D view&lt;/b&gt;: the image, the legend of the buildings' colours and what the scene is made of (it is exported again; run again, the page is replaced). Without the relief service the terrain is flat, at the buildings' median ground altitude, and the log says so.&lt;/p&gt;&lt;p&gt;To show the scene in another viewer, open the 3D view and use its &lt;b&gt;Export 3D Scene&lt;/b&gt; button (OBJ files).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ajoute au projet d'un diagnostic de commune (&lt;i&gt;territoire_&amp;lt;INSEE&amp;gt;.qgz&lt;/i&gt;) une &lt;b&gt;vue 3D&lt;/b&gt; de la commune : le relief de l'IGN (Géoplateforme : modèle numérique de terrain LiDAR HD là où il est publié, RGE ALTI ailleurs ; mis en cache, enregistré en &lt;i&gt;relief_&amp;lt;INSEE&amp;gt;.tif&lt;/i&gt;), les bâtiments de la BD TOPO extrudés selon leur hauteur (&lt;i&gt;hauteur&lt;/i&gt; ; sans elle, étages × 3 m ; sans l'une ni l'autre, un étage, 3 m — comptés dans le journal), colorés selon le thème choisi avec les classes et les couleurs de la carte 2D : exposition à la température de surface, classe de mouvement du sol ou risque argiles ; les arbres là où le modèle numérique de hauteur LiDAR HD de l'IGN est publié (taches de couvert de 3 m de haut et plus, extrudées selon leur hauteur), ailleurs les zones de végétation de la BD TOPO à une hauteur convenue selon leur nature (forêt fermée 15 m, bois 12 m, forêt ouverte 10 m, haie 6 m, verger 4 m : ce n'est pas une mesure) ; les routes et le contour de la commune drapés sur le terrain. Le projet s'ouvre alors avec sa vue 3D (Vue ▸ Vues cartographiques 3D).&lt;/p&gt;&lt;p&gt;Une image de la vue (&lt;i&gt;vue3d_&amp;lt;INSEE&amp;gt;.png&lt;/i&gt;, oblique au-dessus du centre, nord en haut) est faite pour le rapport quand QGIS peut dessiner avec OpenGL : toujours dans la fenêtre de QGIS ; pour &lt;i&gt;qgis_process&lt;/i&gt; sur un serveur, lancez-le sous &lt;i&gt;xvfb-run&lt;/i&gt;. Le rapport (&lt;i&gt;rapport_&amp;lt;INSEE&amp;gt;.pdf&lt;/i&gt;) reçoit alors une dernière page, &lt;b&gt;Vue 3D&lt;/b&gt; : l'image, la légende des couleurs des bâtiments et ce dont la scène est faite (il est exporté à nouveau ; relancé, l'algorithme remplace cette page). Sans le service de relief, le terrain est plat, à l'altitude médiane du sol des bâtiments, et le journal le dit.&lt;/p&gt;&lt;p&gt;Pour montrer la scène dans une autre visionneuse, ouvrez la vue 3D et utilisez son bouton &lt;b&gt;Exporter la scène 3D&lt;/b&gt; (fichiers OBJ).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DownloadBdtopoAlgorithm</name>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="32"/>
        <source>Download IGN BD TOPO</source>
        <translation>Télécharger la BD TOPO de l'IGN</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="35"/>
        <source>&lt;p&gt;IGN BD TOPO layers (buildings, road sections, railways, bridges, public buildings) for a commune or an extent, from the IGN Géoplateforme WFS, into one GeoPackage in Lambert-93 (EPSG:2154), one styled layer per theme.&lt;/p&gt;&lt;p&gt;Features touching the area are kept whole (a building cut at the commune limit would distort exposure figures). Pages already downloaded are reused from the cache, also offline.&lt;/p&gt;&lt;p&gt;Data: IGN BD TOPO, Licence Ouverte Etalab 2.0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Couches de la BD TOPO de l'IGN (bâtiments, tronçons de route, voies ferrées, ponts, établissements recevant du public) pour une commune ou une emprise, depuis le WFS de la Géoplateforme IGN, dans un GeoPackage en Lambert-93 (EPSG:2154), une couche stylée par thème.&lt;/p&gt;&lt;p&gt;Les objets qui touchent la zone sont gardés entiers (un bâtiment coupé à la limite communale fausserait les chiffres d'exposition). Les pages déjà téléchargées sont reprises du cache, y compris hors ligne.&lt;/p&gt;&lt;p&gt;Données : IGN BD TOPO, Licence Ouverte Etalab 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="45"/>
        <source>Buildings</source>
        <translation>Bâtiments</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="45"/>
        <source>Road sections</source>
        <translation>Tronçons de route</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="45"/>
        <source>Railways</source>
        <translation>Voies ferrées</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="45"/>
        <source>Bridges</source>
        <translation>Ponts</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="46"/>
        <source>Public buildings (ERP)</source>
        <translation>Établissements recevant du public (ERP)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="47"/>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="50"/>
        <source>BD TOPO layers</source>
        <translation>Couches BD TOPO</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="59"/>
        <source>Choose at least one theme.</source>
        <translation>Choisissez au moins un thème.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="68"/>
        <source>BD TOPO: {0}</source>
        <translation>BD TOPO : {0}</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="83"/>
        <source>{0}: {1} features ({2} downloaded)</source>
        <translation>{0} : {1} objets ({2} téléchargés)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="86"/>
        <source>{0} exists: it is replaced by the new download.</source>
        <translation>{0} existe : il est remplacé par le nouveau téléchargement.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="108"/>
        <source>{0} of the {1} BD TOPO features of {2} could not be copied (mixed geometry types?). Nothing was written.</source>
        <translation>{0} des {1} objets BD TOPO de {2} n'ont pas pu être copiés (types de géométrie mélangés ?). Rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_bdtopo.py" line="114"/>
        <source>The GeoPackage holds {0} of the {1} BD TOPO features of {2}. Nothing was written: check the disk and try again.</source>
        <translation>Le GeoPackage contient {0} des {1} objets BD TOPO de {2}. Rien n'a été écrit : vérifiez le disque et réessayez.</translation>
    </message>
</context>
<context>
    <name>DownloadEgmsAlgorithm</name>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="61"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="61"/>
        <source>Basic (L2a)</source>
        <translation>Basic (L2a)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="61"/>
        <source>Calibrated (L2b)</source>
        <translation>Calibrated (L2b)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="68"/>
        <source>Release</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="69"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="70"/>
        <source>EGMS files</source>
        <translation>Fichiers EGMS</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="82"/>
        <source>The authentication configuration {0} cannot be read: unlock the authentication database (master password) or choose another configuration.</source>
        <translation>La configuration d'authentification {0} est illisible : déverrouillez la base d'authentification (mot de passe principal) ou choisissez une autre configuration.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="127"/>
        <source>File {0}/{1}: {2}</source>
        <translation>Fichier {0}/{1} : {2}</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="39"/>
        <source>Download EGMS ground motion</source>
        <translation>Télécharger les mouvements du sol EGMS</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="42"/>
        <source>&lt;p&gt;Downloads EGMS product files (zip) from the EGMS archive into the output folder, one file at a time by its name; an interrupted download resumes where it stopped, a file already there is kept. Give them to &lt;i&gt;Import EGMS ground motion&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ortho (L3)&lt;/b&gt;: the 100 km tiles covering the commune or the extent are found by the algorithm. &lt;b&gt;Calibrated (L2b) and Basic (L2a)&lt;/b&gt;: write the names of the files (bursts) as the EGMS viewer shows them, e.g. &lt;i&gt;EGMS_L2b_037_0288_IW2_VV_2019_2023_1&lt;/i&gt;, or just &lt;i&gt;037_0288_IW2&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;A file the archive does not have for this release (a tile at sea, a burst not processed) is listed and skipped.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Download token&lt;/b&gt;: log in on egms.land.copernicus.eu, open a download link and copy the token, the text after &lt;i&gt;id=&lt;/i&gt; at the end of the link. In QGIS ▸ Options ▸ Authentication add a configuration of type Basic whose password is the token, and choose it here: the token stays encrypted in QGIS's authentication database. It is temporary: when it has expired, copy a new one into the same configuration.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Télécharge les fichiers EGMS (zip) depuis l'archive EGMS dans le dossier de sortie, un par un, par leur nom ; un téléchargement interrompu reprend où il s'est arrêté, un fichier déjà présent est conservé. Donnez-les à &lt;i&gt;Importer les mouvements du sol EGMS&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ortho (L3)&lt;/b&gt; : l'algorithme trouve les tuiles de 100 km qui couvrent la commune ou l'emprise. &lt;b&gt;Calibrated (L2b) et Basic (L2a)&lt;/b&gt; : écrivez les noms des fichiers (bursts) tels que les montre le visualiseur d'EGMS, par ex. &lt;i&gt;EGMS_L2b_037_0288_IW2_VV_2019_2023_1&lt;/i&gt;, ou simplement &lt;i&gt;037_0288_IW2&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Un fichier que l'archive n'a pas pour cette version (tuile en mer, burst non traité) est signalé et passé.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Jeton de téléchargement&lt;/b&gt; : connectez-vous sur egms.land.copernicus.eu, ouvrez un lien de téléchargement et copiez le jeton, le texte qui suit &lt;i&gt;id=&lt;/i&gt; à la fin du lien. Dans QGIS ▸ Options ▸ Authentification, ajoutez une configuration de type Basic dont le mot de passe est le jeton, et choisissez-la ici : le jeton reste chiffré dans la base d'authentification de QGIS. Il est temporaire : une fois expiré, recopiez-en un nouveau dans la même configuration.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="59"/>
        <source>EGMS download token</source>
        <translation>Jeton de téléchargement EGMS</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="61"/>
        <source>Ortho (L3), vertical</source>
        <translation>Ortho (L3), vertical</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="61"/>
        <source>Ortho (L3), east-west</source>
        <translation>Ortho (L3), est-ouest</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="65"/>
        <source>L2 files (names or orbit_burst_IWn, for L2a and L2b)</source>
        <translation>Fichiers L2 (noms ou orbite_burst_IWn, pour L2a et L2b)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="71"/>
        <source>Files the archive does not have</source>
        <translation>Fichiers absents de l'archive</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="76"/>
        <source>No EGMS download token chosen. Log in on egms.land.copernicus.eu, copy the token at the end of a download link (after id=) and store it in QGIS ▸ Options ▸ Authentication (type Basic, password = the token); or download the files from the EGMS website and use Import EGMS ground motion.</source>
        <translation>Aucun jeton de téléchargement EGMS choisi. Connectez-vous sur egms.land.copernicus.eu, copiez le jeton à la fin d'un lien de téléchargement (après id=) et rangez-le dans QGIS ▸ Options ▸ Authentification (type Basic, mot de passe = le jeton) ; ou téléchargez les fichiers depuis le site d'EGMS et utilisez Importer les mouvements du sol EGMS.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="87"/>
        <source>The authentication configuration {0} holds no usable EGMS token: its password must be the token alone, the text after id= at the end of an EGMS download link.</source>
        <translation>La configuration d'authentification {0} ne contient pas de jeton EGMS utilisable : son mot de passe doit être le jeton seul, le texte qui suit id= à la fin d'un lien de téléchargement EGMS.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="98"/>
        <source>Calibrated and Basic files are named after Sentinel-1 bursts: write their names (from the EGMS viewer, e.g. EGMS_L2b_037_0288_IW2_VV_2019_2023_1), or choose an Ortho (L3) product, whose tiles are found from the area.</source>
        <translation>Les fichiers Calibrated et Basic portent le nom de bursts Sentinel-1 : écrivez leurs noms (depuis le visualiseur d'EGMS, par ex. EGMS_L2b_037_0288_IW2_VV_2019_2023_1), ou choisissez un produit Ortho (L3), dont les tuiles se déduisent de la zone.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="132"/>
        <source>The EGMS archive has no file {0} for the release {1}.</source>
        <translation>L'archive EGMS n'a pas de fichier {0} pour la version {1}.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="138"/>
        <source>The EGMS archive has none of the files asked for the release {0} ({1}). Check the release and, for Calibrated or Basic files, the burst names.</source>
        <translation>L'archive EGMS n'a aucun des fichiers demandés pour la version {0} ({1}). Vérifiez la version et, pour les fichiers Calibrated ou Basic, les noms des bursts.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_egms.py" line="141"/>
        <source>EGMS files downloaded: {0}, in {1}.</source>
        <translation>Fichiers EGMS téléchargés : {0}, dans {1}.</translation>
    </message>
</context>
<context>
    <name>DownloadGeorisquesAlgorithm</name>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="36"/>
        <source>Clay shrink-swell exposure and natural disasters (Géorisques)</source>
        <translation>Exposition aux argiles et catastrophes naturelles (Géorisques)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="39"/>
        <source>&lt;p&gt;For a commune of mainland France, from the BRGM's Géorisques API: the &lt;b&gt;clay shrink-swell exposure&lt;/b&gt; (retrait-gonflement des argiles: high, medium, low, not classified — the national map of article R132-3 of the Code de la construction) and the commune's &lt;b&gt;natural-disaster decrees&lt;/b&gt; (CatNat: peril, event start and end, decree and Journal officiel dates; the drought decrees are flagged).&lt;/p&gt;&lt;p&gt;The API gives the exposure &lt;b&gt;point by point&lt;/b&gt;: it is asked at the centre of each cell of a 400 m grid that holds a building of the given layer (without buildings: any place of the commune), and each cell whose class differs from a neighbour's is split in four, down to the sampling grid (50 m by default): the zones of the map are wide, so few requests settle a commune. The cells come out as polygons with their class; at most 3,000 requests. Each answer is cached: a second run, and a run offline, ask nothing.&lt;/p&gt;&lt;p&gt;Data: BRGM, Géorisques (Licence Ouverte 2.0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour une commune de France métropolitaine, depuis l'API Géorisques du BRGM : l'&lt;b&gt;exposition au retrait-gonflement des argiles&lt;/b&gt; (forte, moyenne, faible, non classée — la carte nationale de l'article R132-3 du Code de la construction) et les &lt;b&gt;arrêtés de catastrophe naturelle&lt;/b&gt; de la commune (CatNat : péril, début et fin de l'événement, dates de l'arrêté et du Journal officiel ; les arrêtés sécheresse sont signalés).&lt;/p&gt;&lt;p&gt;L'API donne l'exposition &lt;b&gt;point par point&lt;/b&gt; : elle est demandée au centre de chaque cellule d'une grille de 400 m qui contient un bâtiment de la couche donnée (sans bâtiments : tout endroit de la commune), et chaque cellule dont la classe diffère de celle d'une voisine est divisée en quatre, jusqu'à la grille d'échantillonnage (50 m par défaut) : les zones de la carte sont étendues, peu de requêtes suffisent pour une commune. Les cellules sortent en polygones avec leur classe ; 3 000 requêtes au plus. Chaque réponse est gardée en cache : une seconde exécution, et une exécution hors ligne, ne demandent rien.&lt;/p&gt;&lt;p&gt;Données : BRGM, Géorisques (Licence Ouverte 2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="53"/>
        <source>Buildings (the exposure is asked where they stand)</source>
        <translation>Bâtiments (l'exposition est demandée là où ils sont)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="55"/>
        <source>Sampling grid</source>
        <translation>Grille d'échantillonnage</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="58"/>
        <source>Exposure points asked</source>
        <translation>Points d'exposition demandés</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="58"/>
        <source>Exposure cells</source>
        <translation>Cellules d'exposition</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="58"/>
        <source>CatNat decrees</source>
        <translation>Arrêtés CatNat</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="58"/>
        <source>Drought decrees</source>
        <translation>Arrêtés sécheresse</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="84"/>
        <source>Clay exposure asked at {0} places: cells of {1:g} m, split down to {2:g} m where the class changes (each answer cached).</source>
        <translation>Exposition aux argiles demandée en {0} endroits : cellules de {1:g} m, divisées jusqu'à {2:g} m là où la classe change (chaque réponse gardée en cache).</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="92"/>
        <source>{0}: {1} CatNat decrees, {2} of them for drought (clay shrink-swell).</source>
        <translation>{0} : {1} arrêtés CatNat, dont {2} pour sécheresse (retrait-gonflement des argiles).</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="94"/>
        <source>Clay shrink-swell exposure — {0}</source>
        <translation>Exposition au retrait-gonflement des argiles — {0}</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="133"/>
        <source>not classified</source>
        <translation>non classé</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="133"/>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="133"/>
        <source>medium</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="133"/>
        <source>high</source>
        <translation>forte</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_georisques.py" line="144"/>
        <source>no data</source>
        <translation>pas de donnée</translation>
    </message>
</context>
<context>
    <name>DownloadLandsatAlgorithm</name>
    <message>
        <location filename="../processing/connectors/download_landsat.py" line="16"/>
        <source>Download Landsat (surface temperature and reflectance)</source>
        <translation>Télécharger Landsat (température de surface et réflectance)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_landsat.py" line="19"/>
        <source>&lt;p&gt;Finds Landsat 8 and 9 Collection 2 Level-2 scenes over a commune or an extent (Microsoft Planetary Computer STAC API), lists them (date, cloud cover, WRS path/row), and downloads, for the N clearest, only the window of the area from each Cloud-Optimized GeoTIFF: ST_B10, QA_PIXEL, SR_B4 and SR_B5.&lt;/p&gt;&lt;p&gt;Each scene goes into its own folder with an MTL file (JSON) holding the scale and offset from the STAC metadata, the date and the cloud cover: give that folder to &lt;i&gt;Land surface temperature (Landsat)&lt;/i&gt;. A second run for the same area downloads nothing.&lt;/p&gt;&lt;p&gt;Data: USGS Landsat, public domain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cherche les scènes Landsat 8 et 9 Collection 2 de niveau 2 sur une commune ou une emprise (API STAC de Microsoft Planetary Computer), les liste (date, couverture nuageuse, trace/rang WRS) et télécharge, pour les N plus dégagées, seulement la fenêtre de la zone dans chaque GeoTIFF optimisé (COG) : ST_B10, QA_PIXEL, SR_B4 et SR_B5.&lt;/p&gt;&lt;p&gt;Chaque scène va dans son propre dossier avec un fichier MTL (JSON) contenant l'échelle et le décalage des métadonnées STAC, la date et la couverture nuageuse : donnez ce dossier à &lt;i&gt;Température de surface (Landsat)&lt;/i&gt;. Une deuxième exécution sur la même zone ne télécharge rien.&lt;/p&gt;&lt;p&gt;Données : USGS Landsat, domaine public.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DownloadLczAlgorithm</name>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="26"/>
        <source>Local climate zones (Cerema)</source>
        <translation>Zones climatiques locales (Cerema)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="29"/>
        <source>&lt;p&gt;The Cerema local climate zones (LCZ) of a commune, cut to its outline, in Lambert-93. The file is found through the data.gouv.fr API (the addresses of the files change between releases), downloaded once into the cache, and reused offline.&lt;/p&gt;&lt;p&gt;Cerema covers about 90 urban areas over 50,000 inhabitants: most small towns are not covered, and the algorithm says so. A commune of a covered urban area whose name is not in the file&apos;s title: give the urban area&apos;s name.&lt;/p&gt;&lt;p&gt;Data: Cerema, Licence Ouverte.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les zones climatiques locales (LCZ) du Cerema d'une commune, découpées selon son contour, en Lambert-93. Le fichier est trouvé par l'API de data.gouv.fr (les adresses des fichiers changent d'une version à l'autre), téléchargé une fois dans le cache et réutilisé hors ligne.&lt;/p&gt;&lt;p&gt;Le Cerema couvre environ 90 aires urbaines de plus de 50 000 habitants : la plupart des petites villes ne sont pas couvertes, et l'algorithme le dit. Pour une commune d'une aire urbaine couverte dont le nom n'est pas dans le titre du fichier : indiquez le nom de l'aire urbaine.&lt;/p&gt;&lt;p&gt;Données : Cerema, Licence Ouverte.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="40"/>
        <source>Urban area (if the commune&apos;s name is not in the file&apos;s title)</source>
        <translation>Aire urbaine (si le nom de la commune n'est pas dans le titre du fichier)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="44"/>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="67"/>
        <source>Cerema file: {0}</source>
        <translation>Fichier du Cerema : {0}</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="73"/>
        <source>The Cerema file has no zone inside {0}.</source>
        <translation>Le fichier du Cerema n'a aucune zone dans {0}.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="75"/>
        <source>Local climate zones — {0}</source>
        <translation>Zones climatiques locales — {0}</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_lcz.py" line="64"/>
        <source>{0} lies in the LCZ territory {1}.</source>
        <translation>{0} fait partie du territoire LCZ {1}.</translation>
    </message>
</context>
<context>
    <name>DownloadPopulationAlgorithm</name>
    <message>
        <location filename="../processing/connectors/download_population.py" line="31"/>
        <source>Population on a 200 m grid (INSEE Filosofi)</source>
        <translation>Population sur une grille de 200 m (INSEE Filosofi)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_population.py" line="46"/>
        <source>Filosofi file (path) or its web address</source>
        <translation>Fichier Filosofi (chemin) ou son adresse web</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_population.py" line="50"/>
        <source>Inhabitants in the area</source>
        <translation>Habitants dans la zone</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_population.py" line="63"/>
        <source>Downloading {0} (resumes if interrupted)</source>
        <translation>Téléchargement de {0} (reprise en cas d'interruption)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_population.py" line="68"/>
        <source>{0} does not exist.</source>
        <translation>{0} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_population.py" line="76"/>
        <source>This file has no column {0}: those counts are left empty.</source>
        <translation>Ce fichier n'a pas de colonne {0} : ces effectifs restent vides.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_population.py" line="34"/>
        <source>&lt;p&gt;The INSEE Filosofi 200 m grid for a commune or an extent: inhabitants (ind), people aged 65–79 (ind_65_79) and 80 and over (ind_80p), and their sum (ind_65p), one square per cell, in Lambert-93.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source&lt;/b&gt;: the file you downloaded from insee.fr, as it is (a zip holding a 7z holding the CSV or the GeoPackage), or already extracted (CSV, zip of CSV, 7z, GeoPackage); years 2015 to 2019, columns found by name, UTF-8 or Latin-1; or its web address: it is downloaded once into the cache, resuming if interrupted. The national file is read as a stream, never loaded whole.&lt;/p&gt;&lt;p&gt;Data: INSEE, Filosofi, Licence Ouverte. Counts are estimates, blurred by INSEE where few households live.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La grille Filosofi de l'INSEE à 200 m pour une commune ou une emprise : habitants (ind), personnes de 65 à 79 ans (ind_65_79) et de 80 ans et plus (ind_80p), et leur somme (ind_65p), un carré par carreau, en Lambert-93.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Source&lt;/b&gt; : le fichier téléchargé sur insee.fr, tel quel (un zip contenant un 7z contenant le CSV ou le GeoPackage), ou déjà extrait (CSV, zip de CSV, 7z, GeoPackage) ; années 2015 à 2019, colonnes trouvées par leur nom, UTF-8 ou Latin-1 ; ou son adresse web : il est téléchargé une fois dans le cache, avec reprise en cas d'interruption. Le fichier national est lu en flux, jamais chargé en entier.&lt;/p&gt;&lt;p&gt;Données : INSEE, Filosofi, Licence Ouverte. Les effectifs sont des estimations, brouillées par l'INSEE là où peu de ménages vivent.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_population.py" line="78"/>
        <source>{0} cells, {1:,.0f} inhabitants.</source>
        <translation>{0} carreaux, {1:,.0f} habitants.</translation>
    </message>
</context>
<context>
    <name>DownloadSentinel2Algorithm</name>
    <message>
        <location filename="../processing/connectors/download_sentinel2.py" line="19"/>
        <source>Download Sentinel-2 L2A (red, near infrared, scene classification)</source>
        <translation>Télécharger Sentinel-2 L2A (rouge, proche infrarouge, classification de scène)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_sentinel2.py" line="22"/>
        <source>&lt;p&gt;Finds Sentinel-2 L2A scenes over a commune or an extent (Earth Search, or Microsoft Planetary Computer), lists them (date, cloud cover, MGRS tile), and downloads, for the N clearest, only the window of the area: B04 (red), B08 (near infrared) and SCL (scene classification).&lt;/p&gt;&lt;p&gt;A JSON file beside the bands gives the scale and offset: reflectance = DN × 0.0001 − 0.1 for products since 25 January 2022 (processing baseline 04.00, −1000 DN offset), DN × 0.0001 before.&lt;/p&gt;&lt;p&gt;Data: Copernicus Sentinel-2, ESA, free and open.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cherche les scènes Sentinel-2 L2A sur une commune ou une emprise (Earth Search, ou Microsoft Planetary Computer), les liste (date, couverture nuageuse, tuile MGRS) et télécharge, pour les N plus dégagées, seulement la fenêtre de la zone : B04 (rouge), B08 (proche infrarouge) et SCL (classification de scène).&lt;/p&gt;&lt;p&gt;Un fichier JSON à côté des bandes donne l'échelle et le décalage : réflectance = CN × 0,0001 − 0,1 pour les produits depuis le 25 janvier 2022 (version de traitement 04.00, décalage de −1000 CN), CN × 0,0001 avant.&lt;/p&gt;&lt;p&gt;Données : Copernicus Sentinel-2, ESA, libres et gratuites.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_sentinel2.py" line="33"/>
        <source>STAC service</source>
        <translation>Service STAC</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_sentinel2.py" line="33"/>
        <source>Earth Search (Element84)</source>
        <translation>Earth Search (Element84)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/download_sentinel2.py" line="33"/>
        <source>Microsoft Planetary Computer</source>
        <translation>Microsoft Planetary Computer</translation>
    </message>
</context>
<context>
    <name>GreeningScenarioAlgorithm</name>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="51"/>
        <source>Greening scenario (predicted cooling)</source>
        <translation>Scénario de végétalisation (rafraîchissement prévu)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="71"/>
        <source>Land surface temperature (°C)</source>
        <translation>Température de surface (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="72"/>
        <source>NDVI (same grid)</source>
        <translation>NDVI (même grille)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="73"/>
        <source>Buildings (for the built-up share)</source>
        <translation>Bâtiments (pour la part bâtie)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="76"/>
        <source>Town outline (the model is fitted inside)</source>
        <translation>Contour de la ville (le modèle y est ajusté)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="79"/>
        <source>Planting / de-sealing polygons</source>
        <translation>Polygones de plantation / désimperméabilisation</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="81"/>
        <source>Target NDVI</source>
        <translation>NDVI cible</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="84"/>
        <source>Or a field giving each polygon&apos;s target NDVI</source>
        <translation>Ou un champ donnant le NDVI cible de chaque polygone</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="88"/>
        <source>Field giving the built-up share after works (0–1, e.g. 0 when de-sealed)</source>
        <translation>Champ donnant la part bâtie après travaux (0–1, par ex. 0 si désimperméabilisé)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="92"/>
        <source>Predicted change of surface temperature (°C)</source>
        <translation>Variation prévue de la température de surface (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="160"/>
        <source>Effect per polygon</source>
        <translation>Effet par polygone</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="96"/>
        <source>R² of the model</source>
        <translation>R² du modèle</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="97"/>
        <source>Residual error of the model (°C)</source>
        <translation>Erreur résiduelle du modèle (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="98"/>
        <source>Fitted model</source>
        <translation>Modèle ajusté</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="127"/>
        <source>Model: {0}</source>
        <translation>Modèle : {0}</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="133"/>
        <source>NDVI seen in the town: {0:.2f} to {1:.2f}.</source>
        <translation>NDVI observé dans la ville : de {0:.2f} à {1:.2f}.</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="144"/>
        <source>Target NDVI {0:.2f} is above any seen in the town ({1:.2f}): the prediction extrapolates.</source>
        <translation>Le NDVI cible {0:.2f} dépasse tous ceux observés dans la ville ({1:.2f}) : la prévision extrapole.</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="161"/>
        <source>Predicted change of surface temperature</source>
        <translation>Variation prévue de la température de surface</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="54"/>
        <source>&lt;p&gt;How much cooler would the surface be if these places were planted or de-sealed?&lt;/p&gt;&lt;p&gt;1. A linear model is fitted on the town's own pixels: LST = b0 + b1 × NDVI + b2 × built-up share + water × (b3 + b4 × NDVI) (built-up share = share of the pixel covered by building footprints; water = NDVI below 0, with its own intercept and slope so that a river, an estuary or a lake does not flatten the land's slope b1). The fit (R², residual error in °C) is given in the log and the output's metadata.&lt;br&gt;2. In each planting polygon the NDVI is raised to the target (a field of the polygon, or one value for all) and, if a field gives it, the built-up share set to its new value. Predicted change of LST = b1 × ΔNDVI + b2 × Δbuilt (°C, negative = cooler).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limits&lt;/b&gt;: a statistical association on one date's daytime &lt;i&gt;surface&lt;/i&gt; temperature, not a physical model of shade, evaporation or air temperature; it holds only within the NDVI and built-up values seen in the town (a target NDVI above them is an extrapolation); the effect felt by people depends on where and when they are outside.&lt;/p&gt;</source>
        <translation>&lt;p&gt;De combien la surface serait-elle plus fraîche si ces lieux étaient plantés ou désimperméabilisés ?&lt;/p&gt;&lt;p&gt;1. Un modèle linéaire est ajusté sur les pixels de la commune : LST = b0 + b1 × NDVI + b2 × part bâtie + eau × (b3 + b4 × NDVI) (part bâtie = part du pixel couverte par les emprises des bâtiments ; eau = NDVI inférieur à 0, avec sa propre ordonnée et sa propre pente, pour qu'une rivière, un estuaire ou un lac n'aplatisse pas la pente b1 des terres). L'ajustement (R², erreur résiduelle en °C) figure dans le journal et dans les métadonnées de la sortie.&lt;br&gt;2. Dans chaque polygone de plantation, le NDVI est porté à la cible (un champ du polygone, ou une valeur pour tous) et, si un champ la donne, la part bâtie prend sa nouvelle valeur. Changement prévu de la LST = b1 × ΔNDVI + b2 × Δbâti (°C, négatif = plus frais).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Limites&lt;/b&gt; : une association statistique sur la température de &lt;i&gt;surface&lt;/i&gt; de jour d'une date, pas un modèle physique de l'ombre, de l'évaporation ou de la température de l'air ; elle ne vaut que dans les valeurs de NDVI et de part bâtie observées dans la commune (une cible de NDVI au-delà est une extrapolation) ; l'effet ressenti par les habitants dépend de l'endroit et du moment où ils sont dehors.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/greening_scenario.py" line="129"/>
        <source>The model explains little of the temperature (R² = {0}): vegetation and buildings account for less than a tenth of its variations in this scene, so the predicted effects are uncertain. A clear summer scene gives a better model.</source>
        <translation>Le modèle explique peu la température (R² = {0}) : la végétation et le bâti rendent compte de moins d'un dixième de ses variations dans cette scène, les effets prédits sont donc incertains. Une scène d'été dégagée donne un meilleur modèle.</translation>
    </message>
</context>
<context>
    <name>GroundMotionAssetsAlgorithm</name>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="54"/>
        <source>Ground motion of assets (alerts)</source>
        <translation>Mouvements du sol des ouvrages (alertes)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="57"/>
        <source>&lt;p&gt;For each asset (buildings, roads, railways, bridges…), the ground-motion points (EGMS, or any point layer with a velocity in mm/year) within its buffer: number of points, median, mean, largest absolute, 10th and 90th percentile velocity, share of points outside the stable band, and a class: insufficient data, stable, watch, alert.&lt;/p&gt;&lt;p&gt;Buffers: polygons (points inside or within the distance of the outline), lines, points. &lt;b&gt;Rule&lt;/b&gt;: |median| within the stable band → stable, at least the alert threshold → alert, between → watch; or, alternatively, in multiples k of the median velocity standard deviation of the asset's points (stable within k·σ, alert from 2k·σ).&lt;/p&gt;&lt;p&gt;EGMS L2a/L2b velocities are along the satellite's line of sight; tick the vertical conversion (v / los_up) where horizontal motion can be neglected.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour chaque ouvrage (bâtiments, routes, voies ferrées, ponts…), les points de mouvement du sol (EGMS, ou toute couche de points avec une vitesse en mm/an) situés dans sa zone tampon : nombre de points, vitesse médiane, moyenne, plus forte en valeur absolue, 10e et 90e centiles, part des points hors de la bande stable, et une classe : données insuffisantes, stable, à surveiller, alerte.&lt;/p&gt;&lt;p&gt;Zones tampons : polygones (points à l'intérieur ou à la distance donnée du contour), lignes, points. &lt;b&gt;Règle&lt;/b&gt; : |médiane| dans la bande stable → stable, au moins le seuil d'alerte → alerte, entre les deux → à surveiller ; ou bien, en multiples k de l'écart type médian des vitesses des points de l'ouvrage (stable jusqu'à k·σ, alerte dès 2k·σ).&lt;/p&gt;&lt;p&gt;Les vitesses EGMS L2a/L2b sont mesurées dans l'axe de visée du satellite ; cochez la conversion verticale (v / los_up) là où le mouvement horizontal est négligeable.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="70"/>
        <source>Ground-motion points</source>
        <translation>Points de mouvement du sol</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="73"/>
        <source>Velocity field (mm/year; empty: velocity)</source>
        <translation>Champ de vitesse (mm/an ; vide : velocity)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="73"/>
        <source>Velocity standard deviation field</source>
        <translation>Champ d'écart type de la vitesse</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="73"/>
        <source>Line-of-sight vertical component field (los_up)</source>
        <translation>Champ de la composante verticale de visée (los_up)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="80"/>
        <source>Convert line-of-sight velocities to vertical</source>
        <translation>Convertir les vitesses en visée satellite en vitesses verticales</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="82"/>
        <source>Assets</source>
        <translation>Ouvrages</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="84"/>
        <source>Buffer around polygons (buildings)</source>
        <translation>Zone tampon autour des polygones (bâtiments)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="84"/>
        <source>Buffer around lines (roads, railways)</source>
        <translation>Zone tampon autour des lignes (routes, voies ferrées)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="84"/>
        <source>Buffer around points</source>
        <translation>Zone tampon autour des points</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="90"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="90"/>
        <source>Thresholds in mm/year</source>
        <translation>Seuils en mm/an</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="90"/>
        <source>Multiples of the standard deviation</source>
        <translation>Multiples de l'écart type</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="93"/>
        <source>Stable within ± (mm/year)</source>
        <translation>Stable dans ± (mm/an)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="96"/>
        <source>Alert from (mm/year)</source>
        <translation>Alerte à partir de (mm/an)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="98"/>
        <source>k (multiples of the standard deviation)</source>
        <translation>k (multiples de l'écart type)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="101"/>
        <source>Minimum number of points</source>
        <translation>Nombre minimal de points</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="104"/>
        <source>Assets with ground motion</source>
        <translation>Ouvrages et mouvements du sol</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="106"/>
        <source>Assets on alert</source>
        <translation>Ouvrages en alerte</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="106"/>
        <source>Assets to watch</source>
        <translation>Ouvrages à surveiller</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="134"/>
        <source>The assets layer is empty.</source>
        <translation>La couche des ouvrages est vide.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="142"/>
        <source>A buffer of 0 m around lines catches no point: give a width, e.g. 15 m for a road, 20 m for a railway.</source>
        <translation>Une zone tampon de 0 m autour des lignes ne capte aucun point : donnez une largeur, par ex. 15 m pour une route, 20 m pour une voie ferrée.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="146"/>
        <source>The vertical conversion needs the los_up field of the points.</source>
        <translation>La conversion verticale demande le champ los_up des points.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="221"/>
        <source>Reading the points</source>
        <translation>Lecture des points</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="204"/>
        <source>Joining points to assets</source>
        <translation>Rattachement des points aux ouvrages</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="180"/>
        <source>No ground-motion point lies within 5 km of the assets: check that both layers cover the same place (and their CRS).</source>
        <translation>Aucun point de mouvement du sol à moins de 5 km des ouvrages : vérifiez que les deux couches couvrent le même lieu (et leur SCR).</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="228"/>
        <source>insufficient data</source>
        <translation>données insuffisantes</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="228"/>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="228"/>
        <source>watch</source>
        <translation>à surveiller</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="228"/>
        <source>alert</source>
        <translation>alerte</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="235"/>
        <source>{0} assets: {1} on alert, {2} to watch, {3} without enough points.</source>
        <translation>{0} ouvrages : {1} en alerte, {2} à surveiller, {3} sans assez de points.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_assets.py" line="239"/>
        <source>Ground motion of assets</source>
        <translation>Mouvements du sol des ouvrages</translation>
    </message>
</context>
<context>
    <name>GroundMotionDifferentialAlgorithm</name>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="44"/>
        <source>Differential movement of structures (angular distortion)</source>
        <translation>Mouvement différentiel des ouvrages (distorsion angulaire)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="62"/>
        <source>Ground-motion points</source>
        <translation>Points de mouvement du sol</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="64"/>
        <source>Velocity field (mm/year; empty: velocity)</source>
        <translation>Champ de vitesse (mm/an ; vide : velocity)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="67"/>
        <source>Period (years)</source>
        <translation>Période (années)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="72"/>
        <source>Buffer around the structures</source>
        <translation>Zone tampon autour des ouvrages</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="74"/>
        <source>Minimum number of points</source>
        <translation>Nombre minimal de points</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="80"/>
        <source>Worst pair of each structure</source>
        <translation>Paire la plus défavorable de chaque ouvrage</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="82"/>
        <source>Structures at cosmetic cracking or worse</source>
        <translation>Ouvrages en fissuration esthétique ou pire</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="122"/>
        <source>structural damage</source>
        <translation>dommages structurels</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="122"/>
        <source>cosmetic cracking</source>
        <translation>fissuration esthétique</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="123"/>
        <source>limit of safety</source>
        <translation>limite de sécurité</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="123"/>
        <source>negligible</source>
        <translation>négligeable</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="160"/>
        <source>{0} structures measured; {1} at cosmetic cracking or worse.</source>
        <translation>{0} ouvrages mesurés ; {1} en fissuration esthétique ou pire.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="162"/>
        <source>Differential movement (worst pairs)</source>
        <translation>Mouvement différentiel (paires les plus défavorables)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="69"/>
        <source>Structures (polygons) or linear assets</source>
        <translation>Ouvrages (polygones) ou ouvrages linéaires</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="47"/>
        <source>&lt;p&gt;For each structure (polygons: buildings, bridge decks…) with enough ground-motion points: the displacement of each point over the period (velocity × years), and the pair of points (at least 3 m apart) with the largest angular distortion β = |Δd| / distance, drawn as a line. For linear assets (roads, railways), the points are placed along the line by chainage and the stretch between two consecutive points where the displacement changes fastest is drawn.&lt;/p&gt;&lt;p&gt;Classes after Skempton &amp;amp; MacDonald (1956): β ≥ 1/150 structural damage, ≥ 1/300 cosmetic cracking, ≥ 1/500 limit of safety, below: negligible.&lt;/p&gt;&lt;p&gt;Damage category after Boscardin &amp;amp; Cording (1989) from the largest tensile strain ε = εh/2 + √((εh/2)² + (β/2)²): below 0.05 % negligible, 0.05–0.075 % very slight, 0.075–0.15 % slight, 0.15–0.3 % moderate, above: severe. The points do not measure horizontal movement, so the horizontal strain εh is a parameter (0 by default: ε = β/2); enter the strain a survey or an excavation study gives. Line-of-sight velocities are used as given.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pour chaque ouvrage (polygones : bâtiments, tabliers de ponts…) ayant assez de points de mouvement du sol : le déplacement de chaque point sur la période (vitesse × années), et la paire de points (distants d'au moins 3 m) de plus forte distorsion angulaire β = |Δd| / distance, tracée en ligne. Pour les ouvrages linéaires (routes, voies ferrées), les points sont placés le long de la ligne selon le PR et le tronçon entre deux points consécutifs où le déplacement varie le plus vite est tracé.&lt;/p&gt;&lt;p&gt;Classes selon Skempton &amp;amp; MacDonald (1956) : β ≥ 1/150 dommages structurels, ≥ 1/300 fissuration esthétique, ≥ 1/500 limite de sécurité, en dessous : négligeable.&lt;/p&gt;&lt;p&gt;Catégorie de dommages selon Boscardin &amp;amp; Cording (1989) à partir de la plus forte déformation en traction ε = εh/2 + √((εh/2)² + (β/2)²) : moins de 0,05 % négligeable, 0,05–0,075 % très léger, 0,075–0,15 % léger, 0,15–0,3 % modéré, au-delà : sévère. Les points ne mesurent pas le mouvement horizontal : la déformation horizontale εh est donc un paramètre (0 par défaut : ε = β/2) ; saisissez celle que donne un relevé ou une étude de terrassement. Les vitesses en visée satellite sont utilisées telles quelles.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="77"/>
        <source>Horizontal strain assumed for Boscardin &amp; Cording (%)</source>
        <translation>Déformation horizontale supposée pour Boscardin &amp; Cording (%)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="124"/>
        <source>severe</source>
        <translation>sévère</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="124"/>
        <source>moderate</source>
        <translation>modéré</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="124"/>
        <source>slight</source>
        <translation>léger</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_differential.py" line="125"/>
        <source>very slight</source>
        <translation>très léger</translation>
    </message>
</context>
<context>
    <name>GroundMotionTrendAlgorithm</name>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="33"/>
        <source>Ground-motion trends (acceleration, seasonality, change)</source>
        <translation>Tendances des mouvements du sol (accélération, saisonnalité, changement)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="36"/>
        <source>&lt;p&gt;From each point's displacement series (an EGMS layer made by &lt;i&gt;Import EGMS ground motion&lt;/i&gt;): linear velocity (mm/year), acceleration (quadratic term, mm/year²), seasonal amplitude (yearly sine, mm), recent velocity (linear fit of the last third of the dates) and the change of trend = recent − long-term velocity. A point is flagged when the change exceeds the threshold.&lt;/p&gt;&lt;p&gt;A layer without series is left as it is, with a message.&lt;/p&gt;</source>
        <translation>&lt;p&gt;À partir de la série de déplacements de chaque point (une couche EGMS faite par &lt;i&gt;Importer les mouvements du sol EGMS&lt;/i&gt;) : vitesse linéaire (mm/an), accélération (terme quadratique, mm/an²), amplitude saisonnière (sinusoïde annuelle, mm), vitesse récente (ajustement linéaire sur le dernier tiers des dates) et changement de tendance = vitesse récente − vitesse de long terme. Un point est signalé quand le changement dépasse le seuil.&lt;/p&gt;&lt;p&gt;Une couche sans séries est laissée telle quelle, avec un message.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="45"/>
        <source>EGMS points (with displacement series)</source>
        <translation>Points EGMS (avec séries de déplacements)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="47"/>
        <source>Flag when the recent velocity departs by more than (mm/year)</source>
        <translation>Signaler quand la vitesse récente s'écarte de plus de (mm/an)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="50"/>
        <source>Points with trends</source>
        <translation>Points et tendances</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="52"/>
        <source>Points whose trend changed</source>
        <translation>Points dont la tendance a changé</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="70"/>
        <source>This layer has no displacement series (field displacement_mm and table egms_dates of an EGMS import): trends are skipped, the points are copied as they are.</source>
        <translation>Cette couche n'a pas de séries de déplacements (champ displacement_mm et table egms_dates d'un import EGMS) : les tendances ne sont pas calculées, les points sont recopiés tels quels.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="110"/>
        <source>{0} points, {1} with a change of trend.</source>
        <translation>{0} points, dont {1} avec un changement de tendance.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="111"/>
        <source>Ground-motion trends</source>
        <translation>Tendances des mouvements du sol</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure/ground_motion_trend.py" line="83"/>
        <source>The displacement series of the point {0} holds {1} bytes where its {2} dates need {3}: the layer is damaged. Import the EGMS file again.</source>
        <translation>La série de déplacements du point {0} contient {1} octets là où ses {2} dates en demandent {3} : la couche est endommagée. Importez de nouveau le fichier EGMS.</translation>
    </message>
</context>
<context>
    <name>HeatAlgorithm</name>
    <message>
        <location filename="../processing/base.py" line="154"/>
        <source>Urban overheating</source>
        <translation>Surchauffe urbaine</translation>
    </message>
</context>
<context>
    <name>HeatExposureAlgorithm</name>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="42"/>
        <source>Exposure of buildings and inhabitants to heat</source>
        <translation>Exposition des bâtiments et des habitants à la chaleur</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="64"/>
        <source>Land surface temperature (°C)</source>
        <translation>Température de surface (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="65"/>
        <source>Heat-island intensity (°C)</source>
        <translation>Intensité de l'îlot de chaleur (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="67"/>
        <source>Buildings (BD TOPO)</source>
        <translation>Bâtiments (BD TOPO)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="69"/>
        <source>Sensitive sites (optional: ERP, activity zones…)</source>
        <translation>Sites sensibles (facultatif : ERP, zones d'activité…)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="72"/>
        <source>Population 200 m cells (optional)</source>
        <translation>Carreaux de population de 200 m (facultatif)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="143"/>
        <source>Buildings exposed to heat</source>
        <translation>Bâtiments exposés à la chaleur</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="77"/>
        <source>Heat vulnerability (200 m cells)</source>
        <translation>Vulnérabilité à la chaleur (carreaux de 200 m)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="80"/>
        <source>Sensitive buildings</source>
        <translation>Bâtiments sensibles</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="100"/>
        <source>The temperature raster is in a geographic CRS (degrees); reproject it to a projected CRS first.</source>
        <translation>Le raster de température est dans un SCR géographique (degrés) ; reprojetez-le d'abord dans un SCR projeté.</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="120"/>
        <source>The buildings layer is empty.</source>
        <translation>La couche des bâtiments est vide.</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="128"/>
        <source>Buildings</source>
        <translation>Bâtiments</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="141"/>
        <source>{0} buildings, {1} sensitive.</source>
        <translation>{0} bâtiments, dont {1} sensibles.</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="147"/>
        <source>The vulnerability of population cells needs the heat-island intensity raster.</source>
        <translation>La vulnérabilité des carreaux de population demande le raster d'intensité de l'îlot de chaleur.</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="152"/>
        <source>The population layer has no count of people aged 65 and over: the age term A is 0 everywhere.</source>
        <translation>La couche de population n'a pas d'effectif des 65 ans et plus : le terme d'âge A vaut 0 partout.</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="157"/>
        <source>Population cells</source>
        <translation>Carreaux de population</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="169"/>
        <source>Heat vulnerability</source>
        <translation>Vulnérabilité à la chaleur</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_exposure.py" line="45"/>
        <source>&lt;p&gt;&lt;b&gt;Buildings&lt;/b&gt;: mean and maximum surface temperature (lst_mean, lst_max) and heat-island intensity (heat_mean, heat_max) over the pixels each footprint touches; the mean weighs each pixel by the area of the footprint in it (a 100 m² building touching a 900 m² pixel by a sliver is not pulled by it), the maximum is the hottest pixel touched. &lt;i&gt;sensitive&lt;/i&gt; = 1 for schools, nurseries, health and elderly-care buildings; &lt;i&gt;sensitive_why&lt;/i&gt; says why. With BD TOPO public buildings (ERP) as sites: the ERP of types J (elderly and disabled people), R and RH (early childhood, schools), U and PU (health) count; an ERP point (an entrance or an address plate) belongs to the buildings its liens_vers_batiment names, else to the nearest footprint within 25 m. Every site of another sites layer counts. Descriptive fields of the buildings naming such a use (other sources than BD TOPO, whose usage_1 never does) count too.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Population cells&lt;/b&gt; (200 m, from &lt;i&gt;Population on a 200 m grid&lt;/i&gt;): vulnerability index V = E × (P + A) / 2, where E = max(0, mean intensity of the cell) divided by the largest in the area, P = inhabitants divided by the largest, A = share of people aged 65 and over divided by the largest. V goes from 0 (not warmer than the reference, or nobody) to 1 (the hottest, most populated, oldest cell): it ranks the cells of one area.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Bâtiments&lt;/b&gt; : température de surface moyenne et maximale (lst_mean, lst_max) et intensité d'îlot de chaleur (heat_mean, heat_max) sur les pixels que touche chaque emprise ; la moyenne pondère chaque pixel par la surface de l'emprise qu'il contient (un bâtiment de 100 m² qui effleure un pixel de 900 m² n'en est pas tiré), le maximum est le pixel touché le plus chaud. &lt;i&gt;sensitive&lt;/i&gt; = 1 pour les écoles, crèches, bâtiments de santé et d'accueil des personnes âgées ; &lt;i&gt;sensitive_why&lt;/i&gt; dit pourquoi. Avec les ERP de la BD TOPO comme sites : comptent les ERP de types J (personnes âgées et handicapées), R et RH (petite enfance, enseignement), U et PU (santé) ; un point d'ERP (une entrée ou une plaque d'adresse) appartient aux bâtiments que nomme son champ liens_vers_batiment, sinon à l'emprise la plus proche à moins de 25 m. Tous les sites d'une autre couche de sites comptent. Comptent aussi les champs descriptifs des bâtiments qui nomment un tel usage (sources autres que la BD TOPO, dont l'usage_1 ne le fait jamais).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Carreaux de population&lt;/b&gt; (200 m, issus de &lt;i&gt;Population sur une grille de 200 m&lt;/i&gt;) : indice de vulnérabilité V = E × (P + A) / 2, où E = max(0, intensité moyenne du carreau) divisée par la plus forte de la zone, P = habitants divisés par le plus grand nombre, A = part des 65 ans et plus divisée par la plus forte. V va de 0 (pas plus chaud que la référence, ou personne) à 1 (le carreau le plus chaud, le plus peuplé et le plus âgé) : il classe les carreaux d'une même zone.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HeatHotspotsAlgorithm</name>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="27"/>
        <source>Heat hot spots (Getis-Ord Gi*)</source>
        <translation>Points chauds (Gi* de Getis-Ord)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="30"/>
        <source>&lt;p&gt;Where high temperatures cluster more than chance would give: Getis-Ord Gi* on a regular grid. The raster is averaged into square cells; each cell's Gi* compares the sum of the cells within the distance band (itself included) with what the whole area's mean would give.&lt;/p&gt;&lt;p&gt;Gi* = (Σ w·x − X̄ Σ w) / (S √((n Σ w² − (Σ w)²) / (n − 1))), a z-score; p-value = erfc(|z| / √2). Classes: hot (cold) spot at 99, 95, 90 % confidence for |z| ≥ 2.576, 1.960, 1.645.&lt;/p&gt;&lt;p&gt;Cells of about 100–200 m and a band of 3–5 cells suit a commune.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Là où les fortes températures se regroupent plus que le hasard ne le donnerait : Gi* de Getis-Ord sur une grille régulière. Le raster est moyenné en cellules carrées ; le Gi* de chaque cellule compare la somme des cellules situées dans la distance de voisinage (elle comprise) à ce que donnerait la moyenne de toute la zone.&lt;/p&gt;&lt;p&gt;Gi* = (Σ w·x − X̄ Σ w) / (S √((n Σ w² − (Σ w)²) / (n − 1))), un score z ; p = erfc(|z| / √2). Classes : point chaud (froid) à 99, 95, 90 % de confiance pour |z| ≥ 2,576, 1,960, 1,645.&lt;/p&gt;&lt;p&gt;Des cellules de 100 à 200 m environ et un voisinage de 3 à 5 cellules conviennent à une commune.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="40"/>
        <source>Temperature or intensity (°C)</source>
        <translation>Température ou intensité (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="41"/>
        <source>Cell size</source>
        <translation>Taille des cellules</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="43"/>
        <source>Distance band</source>
        <translation>Distance de voisinage</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="45"/>
        <source>Hot spots</source>
        <translation>Points chauds</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="47"/>
        <source>Hot-spot cells (95 % or more)</source>
        <translation>Cellules de points chauds (95 % ou plus)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="63"/>
        <source>hot spot, 99 %</source>
        <translation>point chaud, 99 %</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="63"/>
        <source>hot spot, 95 %</source>
        <translation>point chaud, 95 %</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="63"/>
        <source>hot spot, 90 %</source>
        <translation>point chaud, 90 %</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="64"/>
        <source>not significant</source>
        <translation>non significatif</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="64"/>
        <source>cold spot, 90 %</source>
        <translation>point froid, 90 %</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="64"/>
        <source>cold spot, 95 %</source>
        <translation>point froid, 95 %</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="65"/>
        <source>cold spot, 99 %</source>
        <translation>point froid, 99 %</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="70"/>
        <source>{0} cells; {1} hot-spot cells and {2} cold-spot cells at 95 % or more.</source>
        <translation>{0} cellules ; {1} cellules de points chauds et {2} de points froids à 95 % ou plus.</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_hotspots.py" line="73"/>
        <source>Heat hot spots (Gi*)</source>
        <translation>Points chauds (Gi*)</translation>
    </message>
</context>
<context>
    <name>HeatIslandIntensityAlgorithm</name>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="34"/>
        <source>Heat-island intensity</source>
        <translation>Intensité de l'îlot de chaleur</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="37"/>
        <source>&lt;p&gt;Surface temperature minus a reference temperature: how much warmer each place is than the countryside around the town (°C).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reference&lt;/b&gt;, by default: the mean temperature of the vegetated pixels (NDVI at least the threshold) in a ring around the town, outside it (ring width in metres). Or the mean temperature inside a reference zone you draw (a park, a wood). The value and how it was found are written in the output's metadata and in the log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Température de surface moins une température de référence : de combien chaque lieu est plus chaud que la campagne autour de la ville (°C).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Référence&lt;/b&gt;, par défaut : la température moyenne des pixels végétalisés (NDVI au moins égal au seuil) dans un anneau autour de la ville, à l'extérieur de celle-ci (largeur de l'anneau en mètres). Ou la température moyenne dans une zone de référence que vous tracez (un parc, un bois). La valeur et la façon dont elle a été trouvée sont écrites dans les métadonnées de la sortie et dans le journal.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="46"/>
        <source>Land surface temperature (°C)</source>
        <translation>Température de surface (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="47"/>
        <source>NDVI (same grid)</source>
        <translation>NDVI (même grille)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="48"/>
        <source>Town outline (e.g. the commune)</source>
        <translation>Contour de la ville (par ex. la commune)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="51"/>
        <source>Ring width</source>
        <translation>Largeur de l'anneau</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="53"/>
        <source>NDVI of a vegetated pixel, at least</source>
        <translation>NDVI minimal d'un pixel végétalisé</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="56"/>
        <source>Or a reference zone</source>
        <translation>Ou une zone de référence</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="91"/>
        <source>Heat-island intensity (°C)</source>
        <translation>Intensité de l'îlot de chaleur (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="60"/>
        <source>Reference temperature (°C)</source>
        <translation>Température de référence (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="61"/>
        <source>How the reference was found</source>
        <translation>Comment la référence a été trouvée</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="82"/>
        <source>Reference temperature {0}: {1} ({2}).</source>
        <translation>Température de référence {0} : {1} ({2}).</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="82"/>
        <source>pixel</source>
        <translation>pixel</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_island_intensity.py" line="82"/>
        <source>pixels</source>
        <translation>pixels</translation>
    </message>
</context>
<context>
    <name>HeatIslandsAlgorithm</name>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="30"/>
        <source>Heat islands (polygons)</source>
        <translation>Îlots de chaleur (polygones)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="33"/>
        <source>&lt;p&gt;The connected areas (pixels touching by a side or a corner) where the heat-island intensity (or the temperature) is at least a threshold, given in °C or as a percentile of the raster's values (e.g. 90: the hottest 10 %). Areas smaller than the minimum are dropped.&lt;/p&gt;&lt;p&gt;Each polygon has its area, its mean and maximum value and its rank (1 = hottest on average). A threshold that selects nothing gives an empty layer and a message, not an error.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les zones d'un seul tenant (pixels qui se touchent par un côté ou un coin) où l'intensité de l'îlot de chaleur (ou la température) atteint au moins un seuil, donné en °C ou en centile des valeurs du raster (par ex. 90 : les 10 % les plus chauds). Les zones plus petites que le minimum sont écartées.&lt;/p&gt;&lt;p&gt;Chaque polygone porte sa surface, ses valeurs moyenne et maximale et son rang (1 = le plus chaud en moyenne). Un seuil qui ne sélectionne rien donne une couche vide et un message, pas une erreur.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="42"/>
        <source>Heat-island intensity (°C)</source>
        <translation>Intensité de l'îlot de chaleur (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="43"/>
        <source>Threshold given as</source>
        <translation>Seuil exprimé en</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="43"/>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="43"/>
        <source>Percentile of the values</source>
        <translation>Centile des valeurs</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="46"/>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="48"/>
        <source>Minimum area (m²)</source>
        <translation>Surface minimale (m²)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="76"/>
        <source>Heat islands</source>
        <translation>Îlots de chaleur</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="53"/>
        <source>Heat islands found</source>
        <translation>Îlots de chaleur trouvés</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="54"/>
        <source>Threshold used (°C)</source>
        <translation>Seuil utilisé (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="65"/>
        <source>Percentile {0:g}: {1:.2f} °C</source>
        <translation>Centile {0:g} : {1:.2f} °C</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="70"/>
        <source>No area reaches {0:.2f} °C with the minimum area: the layer is empty. Lower the threshold or the minimum area.</source>
        <translation>Aucune zone n'atteint {0:.2f} °C avec la surface minimale : la couche est vide. Abaissez le seuil ou la surface minimale.</translation>
    </message>
    <message>
        <location filename="../processing/heat/heat_islands.py" line="73"/>
        <source>#{0}: {1:.1f} ha, mean {2:.1f} °C, max {3:.1f} °C</source>
        <translation>n° {0} : {1:.1f} ha, moyenne {2:.1f} °C, maximum {3:.1f} °C</translation>
    </message>
</context>
<context>
    <name>ImportEgmsAlgorithm</name>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="30"/>
        <source>Import EGMS ground motion</source>
        <translation>Importer les mouvements du sol EGMS</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="33"/>
        <source>&lt;p&gt;Imports an EGMS file (European Ground Motion Service, Copernicus) as downloaded from the EGMS portal: Basic (L2a), Calibrated (L2b) or Ortho (L3), zip or CSV. Columns are found by name; the points (EPSG:3035) are clipped to the commune or the extent and written in Lambert-93 to a GeoPackage layer styled by mean velocity (mm/year).&lt;/p&gt;&lt;p&gt;The displacement time series of each point is kept in the same row: field &lt;i&gt;displacement_mm&lt;/i&gt;, float32 values in the order of the table &lt;i&gt;egms_dates&lt;/i&gt;. Velocities are along the satellite&apos;s line of sight for L2a/L2b (negative: moving away from the satellite, often subsidence).&lt;/p&gt;&lt;p&gt;Data: Copernicus Land Monitoring Service, EGMS, free and open.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Importe un fichier EGMS (European Ground Motion Service, Copernicus) tel que téléchargé sur le portail EGMS : Basic (L2a), Calibrated (L2b) ou Ortho (L3), zip ou CSV. Les colonnes sont trouvées par leur nom ; les points (EPSG:3035) sont découpés selon la commune ou l'emprise et écrits en Lambert-93 dans une couche GeoPackage stylée par vitesse moyenne (mm/an).&lt;/p&gt;&lt;p&gt;La série temporelle de déplacement de chaque point est gardée dans la même ligne : champ &lt;i&gt;displacement_mm&lt;/i&gt;, valeurs float32 dans l'ordre de la table &lt;i&gt;egms_dates&lt;/i&gt;. Pour L2a/L2b, les vitesses sont mesurées dans l'axe de visée du satellite (négatives : éloignement du satellite, souvent un affaissement).&lt;/p&gt;&lt;p&gt;Données : Copernicus Land Monitoring Service, EGMS, libres et gratuites.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="45"/>
        <source>EGMS file (.zip or .csv)</source>
        <translation>Fichier EGMS (.zip ou .csv)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="45"/>
        <source>EGMS files (*.zip *.csv *.ZIP *.CSV)</source>
        <translation>Fichiers EGMS (*.zip *.csv *.ZIP *.CSV)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="50"/>
        <source>Points imported</source>
        <translation>Points importés</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="58"/>
        <source>{0} does not exist.</source>
        <translation>{0} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="68"/>
        <source>{0}: {1} points kept of {2} read, {3} dates.</source>
        <translation>{0} : {1} points gardés sur {2} lus, {3} dates.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="77"/>
        <source>No EGMS point lies in the area: check that the file covers the commune.</source>
        <translation>Aucun point EGMS dans la zone : vérifiez que le fichier couvre la commune.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="81"/>
        <source>EGMS ground motion</source>
        <translation>Mouvements du sol EGMS</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="71"/>
        <source>Columns not imported (unknown to the plugin): {0}.</source>
        <translation>Colonnes non importées (inconnues de l'extension) : {0}.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/import_egms.py" line="74"/>
        <source>Fields absent from this file, left out of the layer: {0}.</source>
        <translation>Champs absents de ce fichier, laissés hors de la couche : {0}.</translation>
    </message>
</context>
<context>
    <name>InfrastructureAlgorithm</name>
    <message>
        <location filename="../processing/base.py" line="171"/>
        <source>Infrastructure monitoring</source>
        <translation>Suivi des infrastructures</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="188"/>
        <source>The assets are in a geographic CRS (degrees): buffers need metres. Reproject them (e.g. to Lambert-93, EPSG:2154).</source>
        <translation>Les ouvrages sont dans un SCR géographique (degrés) : les zones tampons demandent des mètres. Reprojetez-les (par ex. en Lambert-93, EPSG:2154).</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="195"/>
        <source>The points have no numeric field {0}. Choose the velocity field (mm/year) of the layer, e.g. velocity for an EGMS import.</source>
        <translation>Les points n'ont pas de champ numérique {0}. Choisissez le champ de vitesse (mm/an) de la couche, par ex. velocity pour un import EGMS.</translation>
    </message>
</context>
<context>
    <name>LandsatLstAlgorithm</name>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="56"/>
        <source>Land surface temperature (Landsat)</source>
        <translation>Température de surface (Landsat)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="59"/>
        <source>landsat,lst,temperature,surface,heat,thermal,ST_B10,QA_PIXEL</source>
        <translation>landsat,lst,température,surface,chaleur,îlot de chaleur,thermique,ST_B10,QA_PIXEL</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="62"/>
        <source>&lt;p&gt;Land surface temperature in °C from a Landsat 8 or 9 Collection 2 Level-2 product.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: the product's MTL file (txt, xml or json), its folder, or the ST_B10 band itself. The QA_PIXEL band is found beside the MTL when not given.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt;: K = DN × TEMPERATURE_MULT_BAND_ST_B10 + TEMPERATURE_ADD_BAND_ST_B10 (read from the MTL; USGS's 0.00341802 and 149.0 only when no metadata exists, and the output says which), then °C = K − 273.15. DN 0 is fill. Pixels flagged in QA_PIXEL are masked as chosen (fill, dilated cloud, cirrus, cloud and cloud shadow by default; snow and water optional).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Clip&lt;/b&gt;: optionally to polygons (e.g. the commune) and/or an extent.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: float32 GeoTIFF in °C, nodata −9999, tiled and compressed, styled with a diverging ramp centred on the median temperature.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Caution&lt;/b&gt;: this is the &lt;i&gt;daytime surface&lt;/i&gt; temperature at the satellite's pass (about 10:30 solar time), not the air temperature, and not night-time heat. Roofs and roads are much hotter than the air above them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Température de surface en °C à partir d'un produit Landsat 8 ou 9 Collection 2 de niveau 2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Entrée&lt;/b&gt; : le fichier MTL du produit (txt, xml ou json), son dossier, ou la bande ST_B10 elle-même. La bande QA_PIXEL est trouvée à côté du MTL si elle n'est pas indiquée.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; : K = CN × TEMPERATURE_MULT_BAND_ST_B10 + TEMPERATURE_ADD_BAND_ST_B10 (lus dans le MTL ; les valeurs USGS 0,00341802 et 149,0 seulement en l'absence de métadonnées, et la sortie indique lesquelles), puis °C = K − 273,15. Le CN 0 est du remplissage. Les pixels signalés dans QA_PIXEL sont masqués selon les choix (remplissage, bord de nuage, cirrus, nuage et ombre de nuage par défaut ; neige et eau en option).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Découpage&lt;/b&gt; : en option, selon des polygones (par ex. la commune) et/ou une emprise.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sortie&lt;/b&gt; : GeoTIFF float32 en °C, nodata −9999, tuilé et compressé, stylé par une rampe divergente centrée sur la température médiane.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Attention&lt;/b&gt; : il s'agit de la température de &lt;i&gt;surface, de jour&lt;/i&gt;, au passage du satellite (vers 10 h 30 heure solaire), pas de la température de l'air, ni de la chaleur nocturne. Toits et chaussées sont bien plus chauds que l'air au-dessus d'eux.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="80"/>
        <source>Landsat Level-2 product (MTL file, folder or ST_B10 band)</source>
        <translation>Produit Landsat de niveau 2 (fichier MTL, dossier ou bande ST_B10)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="80"/>
        <source>Landsat MTL or ST_B10 (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;All files (*)</source>
        <translation>MTL ou ST_B10 Landsat (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="86"/>
        <source>QA_PIXEL band (found beside the MTL when empty)</source>
        <translation>Bande QA_PIXEL (trouvée à côté du MTL si vide)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="90"/>
        <source>Mask fill (outside the scene)</source>
        <translation>Masquer le remplissage (hors scène)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="91"/>
        <source>Mask dilated cloud</source>
        <translation>Masquer les bords de nuages (nuage dilaté)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="92"/>
        <source>Mask cirrus</source>
        <translation>Masquer les cirrus</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="93"/>
        <source>Mask cloud</source>
        <translation>Masquer les nuages</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="94"/>
        <source>Mask cloud shadow</source>
        <translation>Masquer les ombres de nuages</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="95"/>
        <source>Mask snow</source>
        <translation>Masquer la neige</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="96"/>
        <source>Mask water</source>
        <translation>Masquer l'eau</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="100"/>
        <source>Clip to polygons (e.g. the commune)</source>
        <translation>Découper selon des polygones (par ex. la commune)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="104"/>
        <source>Clip to extent</source>
        <translation>Découper selon une emprise</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="181"/>
        <source>Land surface temperature (°C)</source>
        <translation>Température de surface (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="110"/>
        <source>Where the ST_B10 scaling came from</source>
        <translation>Origine de l'échelle ST_B10</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="111"/>
        <source>Clear pixels (% of the area)</source>
        <translation>Pixels clairs (% de la zone)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="112"/>
        <source>Cloud and shadow (% of the area)</source>
        <translation>Nuages et ombres (% de la zone)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="113"/>
        <source>Minimum (°C)</source>
        <translation>Minimum (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="114"/>
        <source>Median (°C)</source>
        <translation>Médiane (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="115"/>
        <source>Mean (°C)</source>
        <translation>Moyenne (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="116"/>
        <source>Maximum (°C)</source>
        <translation>Maximum (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="132"/>
        <source>the ST_B10 band</source>
        <translation>la bande ST_B10</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="138"/>
        <source>ST_B10 scaling from {0}: × {1} + {2}</source>
        <translation>Échelle ST_B10 lue dans {0} : × {1} + {2}</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="143"/>
        <source>No MTL file found beside {0}: using USGS's Collection 2 scaling × {1} + {2}. Put the product's MTL file beside the band to use its own factors.</source>
        <translation>Aucun fichier MTL à côté de {0} : utilisation de l'échelle Collection 2 de l'USGS × {1} + {2}. Placez le fichier MTL du produit à côté de la bande pour utiliser ses propres facteurs.</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="148"/>
        <source>No QA_PIXEL band found: clouds and their shadows are NOT masked, only fill pixels. Give the QA_PIXEL band to mask them.</source>
        <translation>Aucune bande QA_PIXEL trouvée : les nuages et leurs ombres ne sont PAS masqués, seulement les pixels de remplissage. Indiquez la bande QA_PIXEL pour les masquer.</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="153"/>
        <source>Cloud mask from {0}</source>
        <translation>Masque des nuages lu dans {0}</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="172"/>
        <source>{0} exists: it will be replaced once the new file is complete.</source>
        <translation>{0} existe : il sera remplacé une fois le nouveau fichier complet.</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="183"/>
        <source>Clear pixels: {0:.1f} % of the area (cloud and shadow {1:.1f} %). Surface temperature from {2:.1f} °C to {3:.1f} °C, median {4:.1f} °C.</source>
        <translation>Pixels clairs : {0:.1f} % de la zone (nuages et ombres {1:.1f} %). Température de surface de {2:.1f} °C à {3:.1f} °C, médiane {4:.1f} °C.</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="224"/>
        <source>The clip layer has no polygon. Choose a layer with at least one polygon (e.g. the commune outline), or leave the clip empty.</source>
        <translation>La couche de découpage ne contient aucun polygone. Choisissez une couche avec au moins un polygone (par ex. le contour de la commune), ou laissez le découpage vide.</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst.py" line="232"/>
        <source>The clip polygons and the clip extent do not overlap. Give one of them, or two that overlap.</source>
        <translation>Les polygones et l'emprise de découpage ne se recoupent pas. Indiquez l'un des deux, ou deux qui se recoupent.</translation>
    </message>
</context>
<context>
    <name>LandsatLstL1Algorithm</name>
    <message>
        <location filename="../processing/heat/landsat_lst_l1.py" line="24"/>
        <source>Land surface temperature from Level-1 (Landsat B10)</source>
        <translation>Température de surface depuis le niveau 1 (Landsat B10)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst_l1.py" line="27"/>
        <source>&lt;p&gt;Land surface temperature (°C) from a Landsat 8 or 9 Level-1 product, when no Level-2 product exists (single-channel method on band 10).&lt;/p&gt;&lt;p&gt;1. Radiance L = ML × DN + AL (RADIANCE_MULT/ADD_BAND_10 of the MTL).&lt;br&gt;2. Brightness temperature BT = K2 / ln(K1 / L + 1), with the MTL's K1 and K2 (Landsat 8 and 9 differ).&lt;br&gt;3. NDVI from the top-of-atmosphere reflectance of bands 4 and 5.&lt;br&gt;4. Emissivity from NDVI (Sobrino et al. 2004; Avdan &amp;amp; Jovanovska 2016): water (NDVI &amp;lt; 0) 0.991; bare soil (NDVI &amp;lt; 0.2) 0.97; mixed 0.004 × Pv + 0.986 with Pv = ((NDVI − 0.2) / 0.3)²; vegetation (NDVI &amp;gt; 0.5) 0.99.&lt;br&gt;5. LST = BT / (1 + (λ × BT / ρ) × ln ε), λ = 10.895 µm, ρ = 1.4388 × 10⁻² m·K.&lt;/p&gt;&lt;p&gt;No atmospheric correction: prefer the Level-2 product (&lt;i&gt;Land surface temperature (Landsat)&lt;/i&gt;) when it exists. Clouds are masked with QA_PIXEL (Collection 2) or, for pre-Collection products, the high-confidence cloud and cirrus of BQA. Daytime surface temperature at the ~10:30 pass, not air temperature.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Température de surface (°C) à partir d'un produit Landsat 8 ou 9 de niveau 1, quand il n'existe pas de produit de niveau 2 (méthode monocanal sur la bande 10).&lt;/p&gt;&lt;p&gt;1. Luminance L = ML × CN + AL (RADIANCE_MULT/ADD_BAND_10 du MTL).&lt;br&gt;2. Température de brillance TB = K2 / ln(K1 / L + 1), avec les K1 et K2 du MTL (Landsat 8 et 9 diffèrent).&lt;br&gt;3. NDVI à partir de la réflectance au sommet de l'atmosphère des bandes 4 et 5.&lt;br&gt;4. Émissivité selon le NDVI (Sobrino et al. 2004 ; Avdan &amp;amp; Jovanovska 2016) : eau (NDVI &amp;lt; 0) 0,991 ; sol nu (NDVI &amp;lt; 0,2) 0,97 ; mixte 0,004 × Pv + 0,986 avec Pv = ((NDVI − 0,2) / 0,3)² ; végétation (NDVI &amp;gt; 0,5) 0,99.&lt;br&gt;5. LST = TB / (1 + (λ × TB / ρ) × ln ε), λ = 10,895 µm, ρ = 1,4388 × 10⁻² m·K.&lt;/p&gt;&lt;p&gt;Sans correction atmosphérique : préférez le produit de niveau 2 (&lt;i&gt;Température de surface (Landsat)&lt;/i&gt;) quand il existe. Les nuages sont masqués avec QA_PIXEL (Collection 2) ou, pour les produits antérieurs aux Collections, les nuages et cirrus à forte confiance de BQA. Température de surface de jour au passage de ~10 h 30, pas température de l'air.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst_l1.py" line="45"/>
        <source>Landsat Level-1 product (MTL file or folder)</source>
        <translation>Produit Landsat de niveau 1 (fichier MTL ou dossier)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst_l1.py" line="45"/>
        <source>Landsat MTL (*_MTL.txt *_MTL.xml *_MTL.json);;All files (*)</source>
        <translation>MTL Landsat (*_MTL.txt *_MTL.xml *_MTL.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst_l1.py" line="64"/>
        <source>Land surface temperature (°C)</source>
        <translation>Température de surface (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst_l1.py" line="51"/>
        <source>Mean (°C)</source>
        <translation>Moyenne (°C)</translation>
    </message>
    <message>
        <location filename="../processing/heat/landsat_lst_l1.py" line="59"/>
        <source>{0}: K1 = {1}, K2 = {2}, ML = {3}, AL = {4}</source>
        <translation>{0} : K1 = {1}, K2 = {2}, ML = {3}, AL = {4}</translation>
    </message>
</context>
<context>
    <name>LstCompositeAlgorithm</name>
    <message>
        <location filename="../processing/heat/lst_composite.py" line="25"/>
        <source>Surface temperature composite (several dates)</source>
        <translation>Composite de température de surface (plusieurs dates)</translation>
    </message>
    <message>
        <location filename="../processing/heat/lst_composite.py" line="28"/>
        <source>&lt;p&gt;Combines the surface temperature of several dates (e.g. the clear summer scenes of three years) into one raster of three bands: 1 = median temperature, 2 = maximum temperature (°C), 3 = number of clear observations of each pixel. One date's weather weighs less in the median.&lt;/p&gt;&lt;p&gt;The first raster sets the grid; rasters on other grids or CRS are resampled onto it (bilinear). Pixels masked in a date (clouds) simply do not count for that date.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Combine la température de surface de plusieurs dates (par ex. les scènes d'été dégagées de trois années) en un raster de trois bandes : 1 = température médiane, 2 = température maximale (°C), 3 = nombre d'observations claires de chaque pixel. La météo d'une seule date pèse moins dans la médiane.&lt;/p&gt;&lt;p&gt;Le premier raster fixe la grille ; les rasters sur d'autres grilles ou SCR y sont rééchantillonnés (bilinéaire). Les pixels masqués à une date (nuages) ne comptent simplement pas pour cette date.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/lst_composite.py" line="37"/>
        <source>Surface temperature rasters (°C), one per date</source>
        <translation>Rasters de température de surface (°C), un par date</translation>
    </message>
    <message>
        <location filename="../processing/heat/lst_composite.py" line="40"/>
        <source>Temperature composite</source>
        <translation>Composite de température</translation>
    </message>
    <message>
        <location filename="../processing/heat/lst_composite.py" line="49"/>
        <source>{0} dates; median temperature from {1:.1f} °C to {2:.1f} °C.</source>
        <translation>{0} dates ; température médiane de {1:.1f} °C à {2:.1f} °C.</translation>
    </message>
    <message>
        <location filename="../processing/heat/lst_composite.py" line="51"/>
        <source>Temperature composite (median)</source>
        <translation>Composite de température (médiane)</translation>
    </message>
</context>
<context>
    <name>NdviAlgorithm</name>
    <message>
        <location filename="../processing/heat/ndvi.py" line="35"/>
        <source>Vegetation index (NDVI)</source>
        <translation>Indice de végétation (NDVI)</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="38"/>
        <source>&lt;p&gt;NDVI = (NIR − red) / (NIR + red), from surface reflectance: about 0.6–0.9 for dense vegetation, 0.1–0.3 for built-up areas and bare soil, below 0 for water.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: a Landsat 8/9 Collection 2 Level-2 product (MTL file or folder: SR_B4 and SR_B5, scaled with the MTL's factors, clouds masked with QA_PIXEL), or a Sentinel-2 L2A folder from &lt;i&gt;Download Sentinel-2&lt;/i&gt; (B04, B08, SCL; reflectance = DN × 0.0001 − 0.1 since 25 January 2022). Or give the red and near-infrared bands with their scale and offset.&lt;/p&gt;&lt;p&gt;Reflectance is held to [0.0001, 1]; fill, cloud, cirrus and shadow pixels are left empty, water and snow too when asked.&lt;/p&gt;</source>
        <translation>&lt;p&gt;NDVI = (PIR − rouge) / (PIR + rouge), à partir de la réflectance de surface : environ 0,6 à 0,9 pour une végétation dense, 0,1 à 0,3 pour le bâti et les sols nus, moins de 0 pour l'eau.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Entrée&lt;/b&gt; : un produit Landsat 8/9 Collection 2 de niveau 2 (fichier MTL ou dossier : SR_B4 et SR_B5, mis à l'échelle avec les facteurs du MTL, nuages masqués avec QA_PIXEL), ou un dossier Sentinel-2 L2A issu de &lt;i&gt;Télécharger Sentinel-2&lt;/i&gt; (B04, B08, SCL ; réflectance = CN × 0,0001 − 0,1 depuis le 25 janvier 2022). Ou indiquez les bandes rouge et proche infrarouge avec leur échelle et leur décalage.&lt;/p&gt;&lt;p&gt;La réflectance est bornée à [0,0001 ; 1] ; les pixels de remplissage, de nuage, de cirrus et d'ombre restent vides, l'eau et la neige aussi sur demande.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="49"/>
        <source>Product (Landsat MTL or folder, Sentinel-2 folder)</source>
        <translation>Produit (MTL ou dossier Landsat, dossier Sentinel-2)</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="49"/>
        <source>Landsat MTL or band (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;All files (*)</source>
        <translation>MTL ou bande Landsat (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="53"/>
        <source>Or: red band</source>
        <translation>Ou : bande rouge</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="54"/>
        <source>and near-infrared band</source>
        <translation>et bande proche infrarouge</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="56"/>
        <source>Reflectance scale of these bands</source>
        <translation>Échelle de réflectance de ces bandes</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="59"/>
        <source>Reflectance offset of these bands</source>
        <translation>Décalage de réflectance de ces bandes</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="62"/>
        <source>Mask water</source>
        <translation>Masquer l'eau</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="63"/>
        <source>Mask snow</source>
        <translation>Masquer la neige</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="105"/>
        <source>NDVI</source>
        <translation>NDVI</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="65"/>
        <source>Mean NDVI</source>
        <translation>NDVI moyen</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="77"/>
        <source>user bands</source>
        <translation>bandes de l'utilisateur</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="82"/>
        <source>Give a product (Landsat MTL or folder, Sentinel-2 folder), or both the red and the near-infrared bands.</source>
        <translation>Indiquez un produit (MTL ou dossier Landsat, dossier Sentinel-2), ou les deux bandes rouge et proche infrarouge.</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="85"/>
        <source>{0}: reflectance = DN × {1} + {2}; clouds masked with {3}.</source>
        <translation>{0} : réflectance = CN × {1} + {2} ; nuages masqués avec {3}.</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="85"/>
        <source>nothing (no mask band)</source>
        <translation>rien (pas de bande de masque)</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="96"/>
        <source>Dense vegetation has a mean near-infrared reflectance of {0}, outside 0.25–0.5: the reflectance scaling ({1}) may not fit this product. Check its offset before using this NDVI.</source>
        <translation>La végétation dense a une réflectance proche infrarouge moyenne de {0}, hors de 0,25–0,5 : la mise à l'échelle de la réflectance ({1}) ne convient peut-être pas à ce produit. Vérifiez son décalage avant d'utiliser ce NDVI.</translation>
    </message>
    <message>
        <location filename="../processing/heat/ndvi.py" line="101"/>
        <source>Open water (SCL class 6) has a mean NDVI of {0}, where it should be negative: the reflectance scaling ({1}) may not fit this product. Check its offset before using this NDVI.</source>
        <translation>L'eau libre (classe SCL 6) a un NDVI moyen de {0}, alors qu'il devrait être négatif : la mise à l'échelle de la réflectance ({1}) ne convient peut-être pas à ce produit. Vérifiez son décalage avant d'utiliser ce NDVI.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../gui/options.py" line="49"/>
        <source>Cache folder</source>
        <translation>Dossier du cache</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="103"/>
        <source>Clear the cache</source>
        <translation>Vider le cache</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="58"/>
        <source>Cache size</source>
        <translation>Taille du cache</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="61"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="61"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="65"/>
        <source>Language of reports</source>
        <translation>Langue des rapports</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="73"/>
        <source>Detailed messages in the log (debug)</source>
        <translation>Messages détaillés dans le journal (débogage)</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="103"/>
        <source>Delete every file downloaded into {0}? Analyses will need the network again.</source>
        <translation>Supprimer tous les fichiers téléchargés dans {0} ? Les analyses auront de nouveau besoin du réseau.</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="78"/>
        <source>Service addresses (leave empty for the official ones)</source>
        <translation>Adresses des services (laisser vide pour les adresses officielles)</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="86"/>
        <source>Overridden by the environment variable {0}</source>
        <translation>Remplacée par la variable d'environnement {0}</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="69"/>
        <source>e.g. Working document, not for publication</source>
        <translation>par exemple : Document de travail, ne pas diffuser</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="70"/>
        <source>A line printed on the cover of every report (leave empty for none).</source>
        <translation>Une ligne imprimée sur la couverture de chaque rapport (laisser vide pour aucune).</translation>
    </message>
    <message>
        <location filename="../gui/options.py" line="71"/>
        <source>Notice on the report cover</source>
        <translation>Mention sur la couverture du rapport</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <location filename="../qgis_io/places.py" line="39"/>
        <source>No Plan IGN image for the report&apos;s maps: {0} The maps show the commune outline alone.</source>
        <translation>Pas d'image du Plan IGN pour les cartes du rapport : {0} Les cartes montrent le contour de la commune seul.</translation>
    </message>
    <message>
        <location filename="../qgis_io/places.py" line="84"/>
        <source>The geocoder could not be used: {0} The report names the assets by their BD TOPO identifiers.</source>
        <translation>Le géocodeur n'a pas pu être utilisé : {0} Le rapport désigne les ouvrages par leur identifiant BD TOPO.</translation>
    </message>
</context>
<context>
    <name>SeriesChart</name>
    <message>
        <location filename="../gui/series_dock.py" line="72"/>
        <source>Click a ground-motion point on the map</source>
        <translation>Cliquez sur un point de mouvement du sol sur la carte</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="119"/>
        <source>Velocity {0} mm/year, acceleration {1} mm/year²</source>
        <translation>Vitesse {0} mm/an, accélération {1} mm/an²</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="142"/>
        <source>Date of the measurement</source>
        <translation>Date de la mesure</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="147"/>
        <source>Displacement (mm)</source>
        <translation>Déplacement (mm)</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="178"/>
        <source>measurements</source>
        <translation>mesures</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="180"/>
        <source>linear trend</source>
        <translation>tendance linéaire</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="181"/>
        <source>± σ</source>
        <translation>± σ</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="182"/>
        <source>seasonal fit</source>
        <translation>ajustement saisonnier</translation>
    </message>
</context>
<context>
    <name>SeriesDock</name>
    <message>
        <location filename="../gui/series_dock.py" line="209"/>
        <source>Ground-motion time series</source>
        <translation>Série temporelle des mouvements du sol</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="213"/>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="213"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="232"/>
        <source>This point has no displacement series.</source>
        <translation>Ce point n'a pas de série de déplacements.</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="239"/>
        <source>{0} measurements</source>
        <translation>{0} mesures</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="288"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="248"/>
        <source>No ground-motion point with a series within this asset&apos;s buffer.</source>
        <translation>Aucun point de mouvement du sol avec une série dans la zone tampon de cet ouvrage.</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="252"/>
        <source>median of {0} points</source>
        <translation>médiane de {0} points</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="237"/>
        <source>EGMS point {0}</source>
        <translation>Point EGMS {0}</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="269"/>
        <source>{0} — median of the points within its buffer</source>
        <translation>{0} — médiane des points dans son tampon</translation>
    </message>
    <message>
        <location filename="../gui/series_dock.py" line="273"/>
        <source>Address of {0}</source>
        <translation>Adresse de {0}</translation>
    </message>
</context>
<context>
    <name>SeriesMapTool</name>
    <message>
        <location filename="../gui/series_dock.py" line="368"/>
        <source>This asset cannot be placed in the ground-motion points&apos; CRS.</source>
        <translation>Cet ouvrage ne peut pas être reprojeté dans le SCR des points de mouvement du sol.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>API Géo (communes)</source>
        <translation>API Géo (communes)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>IGN Géoplateforme WFS</source>
        <translation>IGN Géoplateforme WFS (données vecteur)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>Microsoft Planetary Computer STAC</source>
        <translation>Microsoft Planetary Computer STAC (catalogue d'images)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>Microsoft Planetary Computer SAS tokens</source>
        <translation>Microsoft Planetary Computer (jetons d'accès SAS)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>Earth Search STAC (Element84)</source>
        <translation>Earth Search STAC (Element84, catalogue d'images)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>EGMS archive (Copernicus)</source>
        <translation>Archive EGMS (Copernicus)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>data.gouv.fr API</source>
        <translation>API de data.gouv.fr</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>IGN Géoplateforme WMTS (basemaps)</source>
        <translation>IGN Géoplateforme WMTS (fonds de plan)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>IGN Géoplateforme geocoding (addresses)</source>
        <translation>Géocodage de la Géoplateforme IGN (adresses)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>BRGM Géorisques API (clay, natural disasters)</source>
        <translation>API Géorisques du BRGM (argiles, catastrophes naturelles)</translation>
    </message>
    <message>
        <location filename="../toolbelt/settings.py" line="44"/>
        <source>IGN Géoplateforme WMS-Raster (elevation)</source>
        <translation>IGN Géoplateforme WMS-Raster (altimétrie)</translation>
    </message>
</context>
<context>
    <name>StacDownloadAlgorithm</name>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="38"/>
        <source>From (YYYY-MM-DD)</source>
        <translation>Du (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="40"/>
        <source>To (YYYY-MM-DD)</source>
        <translation>Au (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="42"/>
        <source>Summer scenes only (June–August)</source>
        <translation>Scènes d'été seulement (juin à août)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="44"/>
        <source>Maximum cloud cover of the scene (%)</source>
        <translation>Couverture nuageuse maximale de la scène (%)</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="47"/>
        <source>Download the N clearest scenes</source>
        <translation>Télécharger les N scènes les plus dégagées</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="50"/>
        <source>Only list the scenes found, download nothing</source>
        <translation>Seulement lister les scènes trouvées, ne rien télécharger</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="52"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="53"/>
        <source>Scene folders</source>
        <translation>Dossiers des scènes</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="54"/>
        <source>Scenes found</source>
        <translation>Scènes trouvées</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="70"/>
        <source>{0} is not a date: write it as YYYY-MM-DD, e.g. 2023-06-01.</source>
        <translation>{0} n'est pas une date : écrivez-la AAAA-MM-JJ, par ex. 2023-06-01.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="73"/>
        <source>The start date {0} is after the end date {1}.</source>
        <translation>La date de début {0} est après la date de fin {1}.</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="89"/>
        <source>{0} scenes found (date, cloud cover, tile, id):</source>
        <translation>{0} scènes trouvées (date, couverture nuageuse, tuile, identifiant) :</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="90"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="92"/>
        <source>No scene matches: widen the dates, raise the maximum cloud cover or untick summer only.</source>
        <translation>Aucune scène ne correspond : élargissez les dates, relevez la couverture nuageuse maximale ou décochez « été seulement ».</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="106"/>
        <source>Scene {0}/{1}: {2}</source>
        <translation>Scène {0}/{1} : {2}</translation>
    </message>
    <message>
        <location filename="../processing/connectors/stac_base.py" line="111"/>
        <source>{0}: already downloaded for this area, nothing fetched.</source>
        <translation>{0} : déjà téléchargée pour cette zone, rien n'a été récupéré.</translation>
    </message>
</context>
<context>
    <name>TerritoireAlgorithm</name>
    <message>
        <location filename="../processing/base.py" line="70"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="75"/>
        <source>A file could not be read or written ({0}). Check that the folder exists, that you may write in it and that the disk is not full, then run again.</source>
        <translation>Un fichier n'a pas pu être lu ou écrit ({0}). Vérifiez que le dossier existe, que vous pouvez y écrire et que le disque n'est pas plein, puis relancez.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="79"/>
        <source>GDAL or QGIS could not complete the work ({0}). Check the input files (open them in QGIS), then run again.</source>
        <translation>GDAL ou QGIS n'a pas pu mener le travail à bien ({0}). Vérifiez les fichiers d'entrée (ouvrez-les dans QGIS), puis relancez.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="83"/>
        <source>Territoire stopped on an unexpected error ({0}). The details are in the Territoire tab of the log messages: please send them to the developers.</source>
        <translation>Territoire s'est arrêté sur une erreur inattendue ({0}). Le détail est dans l'onglet Territoire du journal des messages : merci de le transmettre aux développeurs.</translation>
    </message>
    <message>
        <location filename="../qgis_io/sinks.py" line="14"/>
        <source>Cannot write into the output {0}: check that the folder is writable and the disk is not full, and that the format takes these features (a shapefile, say, takes one kind of geometry and field names of 10 characters).</source>
        <translation>Impossible d'écrire dans la sortie {0} : vérifiez que le dossier est accessible en écriture et que le disque n'est pas plein, et que le format accepte ces entités (un shapefile, par exemple, n'accepte qu'un type de géométrie et des noms de champs de 10 caractères).</translation>
    </message>
</context>
<context>
    <name>TerritoireFeatures</name>
    <message>
        <location filename="../qgis_io/features.py" line="79"/>
        <source>The layer {0} has no polygon.</source>
        <translation>La couche {0} ne contient aucun polygone.</translation>
    </message>
    <message>
        <location filename="../qgis_io/features.py" line="54"/>
        <source>The feature {0} of the layer {1} has an invalid geometry (e.g. a polygon crossing itself). Repair the layer (Processing › Vector geometry › Fix geometries), or let Processing skip invalid features (Settings › Options › Processing › General › Invalid features filtering), then run again.</source>
        <translation>L'entité {0} de la couche {1} a une géométrie invalide (par exemple un polygone qui se recoupe). Réparez la couche (Traitement › Géométrie vectorielle › Réparer les géométries), ou laissez les traitements ignorer les entités invalides (Préférences › Options › Traitement › Général › Filtrage des entités invalides), puis relancez.</translation>
    </message>
    <message>
        <location filename="../qgis_io/features.py" line="63"/>
        <source>Features of the layer {1} left out for an invalid geometry: {0}.</source>
        <translation>Entités de la couche {1} laissées de côté pour géométrie invalide : {0}.</translation>
    </message>
</context>
<context>
    <name>TerritoireLog</name>
    <message>
        <location filename="../diagnostic/workflow.py" line="85"/>
        <source>Commune diagnostic: {0}, left by an interrupted run, was cleaned up.</source>
        <translation>Diagnostic de commune : {0}, laissé par une exécution interrompue, a été nettoyé.</translation>
    </message>
    <message>
        <location filename="../sources/downloads.py" line="64"/>
        <source>{0}: no such file at {1} (HTTP {2}).</source>
        <translation>{0} : pas de fichier à l'adresse {1} (HTTP {2}).</translation>
    </message>
    <message>
        <location filename="../sources/downloads.py" line="82"/>
        <source>{0}: {1} changed during the download; it starts again.</source>
        <translation>{0} : {1} a changé pendant le téléchargement ; il reprend au début.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="248"/>
        <source>{0}: a cached answer no longer validates ({1}); it is asked again.</source>
        <translation>{0} : une réponse en cache n'est plus valide ({1}) ; elle est redemandée.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="276"/>
        <source>{0} unavailable ({1}); offline: using the copy cached on {2}.</source>
        <translation>{0} indisponible ({1}) ; hors ligne : utilisation de la copie en cache du {2}.</translation>
    </message>
    <message>
        <location filename="../sources/network.py" line="284"/>
        <source>{0}: an answer of {1} MiB is not cached.</source>
        <translation>{0} : une réponse de {1} Mio n'est pas mise en cache.</translation>
    </message>
    <message>
        <location filename="../sources/stac.py" line="155"/>
        <source>{0}: a next page repeats items already seen; paging stops there.</source>
        <translation>{0} : une page suivante répète des éléments déjà vus ; la pagination s'arrête là.</translation>
    </message>
    <message>
        <location filename="../sources/stac.py" line="164"/>
        <source>{0}: item skipped ({1}).</source>
        <translation>{0} : élément ignoré ({1}).</translation>
    </message>
    <message>
        <location filename="../sources/wfs.py" line="86"/>
        <source>WFS {0}: {1} of the {2} features matched could be paged through (the server repeats its first page).</source>
        <translation>WFS {0} : {1} des {2} objets trouvés ont pu être parcourus (le serveur répète sa première page).</translation>
    </message>
</context>
<context>
    <name>TerritoireNetwork</name>
    <message>
        <location filename="../sources/network.py" line="160"/>
        <source>{0}: {1}; new try in {2} s.</source>
        <translation>{0} : {1} ; nouvel essai dans {2} s.</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="64"/>
        <source>no data for {0} s</source>
        <translation>aucune donnée pendant {0} s</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="65"/>
        <source>no complete answer within {0} s</source>
        <translation>pas de réponse complète en {0} s</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="66"/>
        <source>answer cut short: {0} of {1} bytes</source>
        <translation>réponse tronquée : {0} octets sur {1}</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="67"/>
        <source>connection closed after {0} bytes</source>
        <translation>connexion fermée après {0} octets</translation>
    </message>
    <message>
        <location filename="../sources/transport.py" line="68"/>
        <source>the connection failed</source>
        <translation>la connexion a échoué</translation>
    </message>
</context>
<context>
    <name>TerritoireOutputs</name>
    <message>
        <location filename="../qgis_io/outputs.py" line="34"/>
        <source>Replace existing output files</source>
        <translation>Remplacer les fichiers de sortie existants</translation>
    </message>
    <message>
        <location filename="../qgis_io/outputs.py" line="113"/>
        <source>{0} already exists and was left as it is. Choose another file name, or tick &quot;Replace existing output files&quot; to replace it.</source>
        <translation>{0} existe déjà et n'a pas été modifié. Choisissez un autre nom de fichier, ou cochez « Remplacer les fichiers de sortie existants » pour le remplacer.</translation>
    </message>
    <message>
        <location filename="../qgis_io/outputs.py" line="91"/>
        <source>The output path is too long ({0} characters, at most {1} per name): choose a shorter folder or file name.</source>
        <translation>Le chemin de sortie est trop long ({0} caractères, {1} au plus par nom) : choisissez un dossier ou un nom de fichier plus court.</translation>
    </message>
    <message>
        <location filename="../qgis_io/outputs.py" line="98"/>
        <source>{0} is a file, not a folder: choose a folder for the output {1}.</source>
        <translation>{0} est un fichier, pas un dossier : choisissez un dossier pour la sortie {1}.</translation>
    </message>
    <message>
        <location filename="../qgis_io/outputs.py" line="102"/>
        <source>The output folder {0} does not exist. Create it or choose another folder.</source>
        <translation>Le dossier de sortie {0} n'existe pas. Créez-le ou choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>TerritoirePlugin</name>
    <message>
        <location filename="../plugin.py" line="52"/>
        <source>Land surface temperature (Landsat)…</source>
        <translation>Température de surface (Landsat)…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="58"/>
        <source>Options…</source>
        <translation>Options…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="59"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="54"/>
        <source>Ground-motion time series (click a point, or an asset of the active layer)</source>
        <translation>Série temporelle des mouvements du sol (cliquer un point, ou un ouvrage de la couche active)</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="49"/>
        <source>Commune diagnostic</source>
        <translation>Diagnostic de commune</translation>
    </message>
</context>
<context>
    <name>TerritoireProvider</name>
    <message>
        <location filename="../processing/provider.py" line="54"/>
        <source>Territoire — space data for local authorities</source>
        <translation>Territoire — données spatiales pour les collectivités</translation>
    </message>
</context>
<context>
    <name>Twin</name>
    <message>
        <location filename="../diagnostic/twin.py" line="139"/>
        <source>Relief: {0}, made by a previous run.</source>
        <translation>Relief : {0}, fait par un passage précédent.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="292"/>
        <source>Heights of the {0} buildings: {1} from BD TOPO&apos;s height, {2} from their storeys (3 m each), {3} without either, shown one storey high (3 m).</source>
        <translation>Hauteurs des {0} bâtiments : {1} d'après la hauteur de la BD TOPO, {2} d'après leurs étages (3 m chacun), {3} sans l'une ni l'autre, montrés hauts d'un étage (3 m).</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="314"/>
        <source>Relief (IGN)</source>
        <translation>Relief (IGN)</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="323"/>
        <source>No relief: the terrain is flat, at {0:.0f} m (the buildings&apos; median ground altitude).</source>
        <translation>Pas de relief : le terrain est plat, à {0:.0f} m (l'altitude médiane du sol des bâtiments).</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="147"/>
        <source>Relief: IGN, {0} m a pixel; LiDAR HD for {1} of it, RGE ALTI for the rest.</source>
        <translation>Relief : IGN, {0} m par pixel ; LiDAR HD pour {1}, RGE ALTI pour le reste.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="356"/>
        <source>Report: the page &quot;3D view&quot; added to {0}.</source>
        <translation>Rapport : la page « Vue 3D » a été ajoutée à {0}.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="359"/>
        <source>Report: no page &quot;3D view&quot; in {0}: this project has no report that can be exported again (made by an earlier version of Territoire). Run the diagnostic again to have it.</source>
        <translation>Rapport : pas de page « Vue 3D » dans {0} : ce projet n'a pas de rapport qui puisse être exporté à nouveau (fait par une version antérieure de Territoire). Refaites le diagnostic pour l'avoir.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="197"/>
        <source>Trees: IGN&apos;s LiDAR HD height model could not be had; {0} BD TOPO vegetation zones shown at a stated height by their nature (closed forest 15 m, wood 12 m, open forest 10 m, hedge 6 m, orchard 4 m).</source>
        <translation>Arbres : le modèle numérique de hauteur LiDAR HD de l'IGN n'a pas pu être chargé ; {0} zones de végétation de la BD TOPO montrées à une hauteur convenue selon leur nature (forêt fermée 15 m, bois 12 m, forêt ouverte 10 m, haie 6 m, verger 4 m).</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="204"/>
        <source>Trees: {0} patches of canopy from IGN&apos;s LiDAR HD height model.</source>
        <translation>Arbres : {0} taches de couvert d'après le modèle numérique de hauteur LiDAR HD de l'IGN.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="208"/>
        <source>Trees: {0} patches of canopy from IGN&apos;s LiDAR HD height model; where it is not published yet ({1} of the area), {2} BD TOPO vegetation zones at a stated height by their nature (closed forest 15 m, wood 12 m, open forest 10 m, hedge 6 m, orchard 4 m).</source>
        <translation>Arbres : {0} taches de couvert d'après le modèle numérique de hauteur LiDAR HD de l'IGN ; là où il n'est pas encore publié ({1} de la zone), {2} zones de végétation de la BD TOPO à une hauteur convenue selon leur nature (forêt fermée 15 m, bois 12 m, forêt ouverte 10 m, haie 6 m, verger 4 m).</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="213"/>
        <source>Trees: {0} patches of canopy from IGN&apos;s LiDAR HD height model; no LiDAR HD yet over {1} of the area, and no BD TOPO vegetation zone there: no tree shown there.</source>
        <translation>Arbres : {0} taches de couvert d'après le modèle numérique de hauteur LiDAR HD de l'IGN ; pas encore de LiDAR HD sur {1} de la zone, et pas de zone de végétation de la BD TOPO là : aucun arbre montré là.</translation>
    </message>
    <message>
        <location filename="../diagnostic/twin.py" line="257"/>
        <source>Trees (3D)</source>
        <translation>Arbres (3D)</translation>
    </message>
</context>
<context>
    <name>View3d</name>
    <message>
        <location filename="../gui/view3d.py" line="29"/>
        <source>3D view: relief, trees and buildings…</source>
        <translation>Vue 3D : relief, arbres et bâtiments…</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="33"/>
        <source>no reason was given</source>
        <translation>aucune raison n'a été donnée</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="34"/>
        <source>The 3D view could not be made: {0}</source>
        <translation>La vue 3D n'a pas pu être faite : {0}</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="44"/>
        <source>Open the 3D view?</source>
        <translation>Ouvrir la vue 3D ?</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="45"/>
        <source>The 3D view is saved in the commune&apos;s project {0}. Open that project now? The current project is closed (QGIS offers to save it first).</source>
        <translation>La vue 3D est enregistrée dans le projet de la commune {0}. Ouvrir ce projet maintenant ? Le projet en cours est fermé (QGIS propose d'abord de l'enregistrer).</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="66"/>
        <source>Image of the 3D view</source>
        <translation>Image de la vue 3D</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="68"/>
        <source>3D view ready.</source>
        <translation>Vue 3D prête.</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../diagnostic/workflow.py" line="113"/>
        <source>{0} failed.</source>
        <translation>{0} a échoué.</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="119"/>
        <source>Commune outline</source>
        <translation>Contour de la commune</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="129"/>
        <source>BD TOPO (IGN)</source>
        <translation>BD TOPO (IGN)</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="153"/>
        <source>Results for {0} already exist in {1}. Tick &quot;Replace existing results&quot; to replace them, or choose another output folder.</source>
        <translation>Des résultats pour {0} existent déjà dans {1}. Cochez « Remplacer les résultats existants » pour les remplacer, ou choisissez un autre dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="161"/>
        <source>Landsat summer scenes</source>
        <translation>Scènes Landsat d'été</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="175"/>
        <source>No overheating analysis: {0}</source>
        <translation>Pas d'analyse de la surchauffe : {0}</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="180"/>
        <source>No clear Landsat summer scene over the commune in the period: no overheating analysis.</source>
        <translation>Aucune scène Landsat d'été dégagée sur la commune pendant la période : pas d'analyse de la surchauffe.</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="187"/>
        <source>Surface temperature {0}/{1}</source>
        <translation>Température de surface {0}/{1}</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="193"/>
        <source>Summer median</source>
        <translation>Médiane des étés</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="201"/>
        <source>Heat islands and hot spots</source>
        <translation>Îlots de chaleur et points chauds</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="212"/>
        <source>Population (INSEE Filosofi)</source>
        <translation>Population (INSEE Filosofi)</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="223"/>
        <source>Exposure of buildings and people</source>
        <translation>Exposition des bâtiments et des habitants</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="264"/>
        <source>No EGMS file given: no ground-motion analysis. Download the commune&apos;s EGMS points (territoire:download_egms or egms.land.copernicus.eu) and give the file.</source>
        <translation>Pas de fichier EGMS : pas d'analyse des mouvements du sol. Téléchargez les points EGMS de la commune (territoire:download_egms ou egms.land.copernicus.eu) et donnez le fichier.</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="268"/>
        <source>EGMS ground motion</source>
        <translation>Mouvements du sol EGMS</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="277"/>
        <source>Ground motion of buildings</source>
        <translation>Mouvement du sol des bâtiments</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="277"/>
        <source>Ground motion of roads</source>
        <translation>Mouvement du sol des routes</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="277"/>
        <source>Ground motion of railways</source>
        <translation>Mouvement du sol des voies ferrées</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="277"/>
        <source>Ground motion of bridges</source>
        <translation>Mouvement du sol des ponts</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="331"/>
        <source>GeoPackage, project and report</source>
        <translation>GeoPackage, projet et rapport</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="277"/>
        <source>Ground motion of bridge decks</source>
        <translation>Mouvement du sol des tabliers de ponts</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="219"/>
        <source>No population figures: {0}</source>
        <translation>Pas de chiffres de population : {0}</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="301"/>
        <source>Clay shrink-swell (Géorisques)</source>
        <translation>Retrait-gonflement des argiles (Géorisques)</translation>
    </message>
    <message>
        <location filename="../diagnostic/workflow.py" line="311"/>
        <source>No clay shrink-swell analysis: {0}</source>
        <translation>Pas d'analyse du retrait-gonflement des argiles : {0}</translation>
    </message>
</context>
</TS>
